package dev.kassa.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every property of a response is required: the services write their answers from records with Jackson's default
 * inclusion, so each property is always present (null where its schema allows null), and a client may rely on that.
 * Saying so lets the contract checks fail on a field a response leaves out, not only on one it adds.
 *
 * <p>Only schemas that no request refers to are changed (a request's optional fields stay optional), and a schema that
 * lists its required properties itself keeps its list, with what is written inside it: the problem detail (RFC 9457
 * makes most of its members optional), psp-mock's Stripe error object (Stripe leaves absent members out).
 */
class RequiredResponseProperties implements OpenApiCustomizer {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = api.getComponents() == null || api.getComponents().getSchemas() == null
                ? Map.of() : api.getComponents().getSchemas();
        List<Schema<?>> requestRoots = new ArrayList<>();
        List<Schema<?>> responseRoots = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            collectRequestSchemas(operation, requestRoots::add);
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> schemasOf(response.getContent(),
                        responseRoots::add));
            }
        }));
        Set<String> inRequests = reachable(requestRoots, components);
        for (Schema<?> root : responseRoots) {
            if (root.get$ref() == null) {
                requireAll(root);
            }
        }
        for (String name : reachable(responseRoots, components)) {
            if (!inRequests.contains(name) && components.get(name) != null) {
                requireAll(components.get(name));
            }
        }
    }

    private static void collectRequestSchemas(Operation operation, Consumer<Schema<?>> into) {
        if (operation.getRequestBody() != null) {
            schemasOf(operation.getRequestBody().getContent(), into);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(parameter -> parameter.getSchema() != null)
                    .forEach(parameter -> into.accept(parameter.getSchema()));
        }
    }

    private static void schemasOf(Content content, Consumer<Schema<?>> into) {
        if (content != null) {
            content.values().stream().filter(media -> media.getSchema() != null)
                    .forEach(media -> into.accept(media.getSchema()));
        }
    }

    /** The component schemas the roots refer to, directly or through other schemas. */
    private static Set<String> reachable(Collection<Schema<?>> roots, Map<String, Schema> components) {
        Set<String> names = new LinkedHashSet<>();
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Schema<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (!seen.add(schema)) {
                continue;
            }
            String ref = schema.get$ref();
            if (ref != null && ref.startsWith(COMPONENT)) {
                String name = ref.substring(COMPONENT.length());
                if (names.add(name) && components.get(name) != null) {
                    todo.push(components.get(name));
                }
            }
            children(schema).forEach(todo::push);
        }
        return names;
    }

    /**
     * Marks each property of the schema, and of the object schemas written inside it, required; one that lists its
     * own is left as it is.
     */
    private static void requireAll(Schema<?> schema) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Schema<?>> todo = new ArrayDeque<>(List.of(schema));
        while (!todo.isEmpty()) {
            Schema<?> current = todo.pop();
            boolean saysItself = current.getRequired() != null && !current.getRequired().isEmpty();
            if (!seen.add(current) || current.get$ref() != null || saysItself) {
                continue;
            }
            if (current.getProperties() != null && !current.getProperties().isEmpty()) {
                current.setRequired(List.copyOf(current.getProperties().keySet()));
            }
            children(current).forEach(todo::push);
        }
    }

    private static List<Schema<?>> children(Schema<?> schema) {
        List<Schema<?>> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(children::add);
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            children.add(values);
        }
        for (List<Schema> composed : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (composed != null) {
                composed.forEach(children::add);
            }
        }
        return children;
    }
}
