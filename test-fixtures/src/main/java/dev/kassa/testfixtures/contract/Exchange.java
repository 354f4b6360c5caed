package dev.kassa.testfixtures.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response, as {@link ApiContract} checks them.
 *
 * @param path        the path without the query, not decoded
 * @param query       query parameters, decoded
 * @param requestBody the request's body, or null
 */
public record Exchange(String method, String path, Map<String, List<String>> query,
                       Map<String, List<String>> requestHeaders, String requestBody, int status,
                       Map<String, List<String>> responseHeaders, String responseBody) {

    public static Exchange of(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                              int status, Map<String, List<String>> responseHeaders, String responseBody) {
        return new Exchange(method, uri.getRawPath(), query(uri.getRawQuery()), named(requestHeaders), requestBody,
                status, named(responseHeaders), responseBody);
    }

    /** Without the null name under which {@code HttpURLConnection} lists the status line. */
    private static Map<String, List<String>> named(Map<String, List<String>> headers) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null) {
                named.put(name, values);
            }
        });
        return named;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
