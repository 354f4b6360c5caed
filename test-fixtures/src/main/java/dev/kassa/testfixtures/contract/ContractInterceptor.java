package dev.kassa.testfixtures.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Checks every exchange of a {@code RestClient} or {@code RestTestClient} against the service's {@link ApiContract};
 * the response body is read here once and handed on unchanged.
 */
public final class ContractInterceptor implements ClientHttpRequestInterceptor {

    private final ApiContract contract;

    public ContractInterceptor(ApiContract contract) {
        this.contract = contract;
    }

    /** The interceptor of {@code service}'s committed contract. */
    public static ContractInterceptor of(String service) {
        return new ContractInterceptor(ApiContract.of(service));
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        byte[] responseBody;
        try (InputStream in = response.getBody()) {
            responseBody = in.readAllBytes();
        }
        contract.check(Exchange.of(request.getMethod().name(), request.getURI(), request.getHeaders().asMultiValueMap(),
                new String(body, StandardCharsets.UTF_8), response.getStatusCode().value(),
                response.getHeaders().asMultiValueMap(), new String(responseBody, StandardCharsets.UTF_8)));
        return new BufferedResponse(response, responseBody);
    }

    /** The response with its body already read. */
    private record BufferedResponse(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
