package dev.kassa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers as problem details instead of its HTML page. Tomcat refuses some requests before any
 * filter or servlet sees them (a NUL or an undecodable byte in the path, answered 400) and reports them through the
 * host's error report valve; everything that reaches Spring is answered by Spring, so this valve then has nothing to do.
 * Tomcat's rules for when to write a report are kept as its {@link ErrorReportValve} has them.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = status == HttpStatus.BAD_REQUEST.value()
                ? new KassaProblem(ProblemType.INVALID_REQUEST,
                        "the request line or headers are not valid HTTP (for example a NUL byte in the path)").getBody()
                : ProblemDetail.forStatus(status);
        try {
            byte[] body = json.writeValueAsBytes(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was taken over: there is nobody left to tell.
            container.getLogger().debug("Could not write the error report", e);
        }
    }
}
