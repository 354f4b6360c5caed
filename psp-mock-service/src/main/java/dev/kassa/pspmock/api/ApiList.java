package dev.kassa.pspmock.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Stripe's list object, {@code {"object": "list", "url", "has_more", "data"}}, newest first, and its paging parameters:
 * {@code limit} (1–100, default 10), {@code starting_after} (older than that object) or {@code ending_before} (newer).
 */
public final class ApiList {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final Set<String> PAGING = Set.of("limit", "starting_after", "ending_before", "expand");

    private ApiList() {
    }

    /** The paging parameters of a list request. */
    public record Paging(int limit, Optional<String> startingAfter, Optional<String> endingBefore) {

        public static Paging from(JsonRequest query) {
            int limit = (int) query.optionalIntegerInRange("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
            Optional<String> after = query.optionalString("starting_after");
            Optional<String> before = query.optionalString("ending_before");
            if (after.isPresent() && before.isPresent()) {
                throw ApiException.invalidRequest("parameter_invalid",
                        "You may only specify one of these parameters: ending_before, starting_after.", "ending_before");
            }
            query.optionalStringList("expand");
            return new Paging(limit, after, before);
        }
    }

    /**
     * @param rowsFetched up to {@code limit + 1} rows in the order they are answered (newest first): one more than
     *                    the limit means there are more in the direction of paging
     */
    public static <T> Map<String, Object> of(String url, Paging paging, List<T> rowsFetched, Function<T, ?> view) {
        boolean hasMore = rowsFetched.size() > paging.limit();
        List<T> page = !hasMore ? rowsFetched
                : paging.endingBefore().isPresent() ? rowsFetched.subList(1, rowsFetched.size())
                : rowsFetched.subList(0, paging.limit());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", page.stream().map(view).toList());
        body.put("has_more", hasMore);
        body.put("url", url);
        return body;
    }
}
