package dev.kassa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat refuses before any filter runs is answered in the house style too, not with Tomcat's HTML page; what
 * reaches Spring is still answered by Spring.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatRefusalTest {

    @LocalServerPort
    int port;

    @Test
    void aNulInThePathIsA400ProblemDetail() throws Exception {
        HttpResponse<String> response = get("/secured/a%00b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://kassa.dev/problems/invalid-request\"",
                "\"status\":400", "NUL").doesNotContain("<html", "Tomcat");
    }

    @Test
    void whatReachesSpringIsStillAnsweredBySpring() throws Exception {
        HttpResponse<String> firewall = get("/secured/%2e%2e/x");
        assertThat(firewall.statusCode()).isEqualTo(400);
        assertThat(firewall.body()).contains("\"field\":\"path\"");

        HttpResponse<String> anonymous = get("/secured/read");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("https://kassa.dev/problems/unauthenticated");
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
