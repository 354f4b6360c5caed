package dev.kassa.testfixtures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running service maps, read from its handler mappings (the service's and the libraries'
 * controllers, and the actuator's endpoints), each as one method and a callable path: path variables are filled
 * with a plausible value, so that a test can call every endpoint without being told which exist.
 */
public final class MappedEndpoints {

    /** One method of one mapped path. */
    public record Endpoint(RequestMethod method, String pattern, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");
    /** A mapping that names no method answers every one; these are the ones worth calling. */
    private static final Set<RequestMethod> ANY_METHOD = Set.of(RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    private MappedEndpoints() {
    }

    /**
     * @param values a plausible value per path variable name; a variable not named here gets {@code id_1}
     */
    public static List<Endpoint> of(ApplicationContext context, Map<String, String> values) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? ANY_METHOD : methods) {
                        endpoints.add(new Endpoint(method, pattern, fill(pattern, values)));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static String fill(String pattern, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(variable.group(1), "id_1")));
        }
        variable.appendTail(path);
        return path.toString();
    }
}
