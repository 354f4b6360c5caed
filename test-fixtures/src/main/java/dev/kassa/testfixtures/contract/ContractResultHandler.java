package dev.kassa.testfixtures.contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;

/**
 * Checks every MockMvc exchange against the service's {@link ApiContract}; register it for a whole test context
 * with {@code MockMvcBuilderCustomizer builder -> builder.alwaysDo(ContractResultHandler.of("wallet-service"))}.
 */
public final class ContractResultHandler implements ResultHandler {

    private final ApiContract contract;

    public ContractResultHandler(ApiContract contract) {
        this.contract = contract;
    }

    public static ContractResultHandler of(String service) {
        return new ContractResultHandler(ApiContract.of(service));
    }

    @Override
    public void handle(MvcResult result) throws Exception {
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            requestHeaders.put(name, Collections.list(request.getHeaders(name)));
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            responseHeaders.put(name, List.copyOf(response.getHeaders(name)));
        }
        if (response.getContentType() != null) {
            responseHeaders.put("Content-Type", List.of(response.getContentType()));
        }
        byte[] body = request.getContentAsByteArray();
        String uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        contract.check(Exchange.of(request.getMethod(), URI.create(uri), requestHeaders,
                body == null ? null : new String(body, StandardCharsets.UTF_8), response.getStatus(), responseHeaders,
                response.getContentAsString(StandardCharsets.UTF_8)));
    }
}
