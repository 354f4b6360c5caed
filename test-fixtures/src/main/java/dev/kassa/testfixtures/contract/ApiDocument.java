package dev.kassa.testfixtures.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed {@code docs/api/<service>.json} against what the service's code serves at {@code /v3/api-docs}: a
 * change to an endpoint that is not also a change to the committed document fails the build. Run the service's
 * {@code ApiDocumentTest} with {@code -Dkassa.api-docs.write=true} to write the served document instead, and commit
 * it with the change (its diff is the API change a reviewer reads).
 */
public final class ApiDocument {

    public static final String WRITE_PROPERTY = "kassa.api-docs.write";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ApiDocument() {
    }

    /**
     * @param served the document as the service serves it
     */
    public static void assertCommittedMatches(String service, String served) {
        Path committed = ApiContract.document(service);
        String normalized = normalize(served);
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, normalized);
                return;
            }
            assertThat(committed).as("the committed API document").exists();
            assertThat(normalize(Files.readString(committed)))
                    .as("%s differs from what %s's code serves at /v3/api-docs: if the change is meant, run its"
                            + " ApiDocumentTest with -D%s=true and commit the document", committed, service,
                            WRITE_PROPERTY)
                    .isEqualTo(normalized);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorted keys, two-space indentation, a final newline: the same text for the same document. */
    static String normalize(String document) {
        try {
            JsonNode tree = JSON.readTree(document);
            Object sorted = JSON.treeToValue(tree, Object.class);
            return JSON.writeValueAsString(sorted) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
