package dev.kassa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists exactly the problem types the code can answer, each with its status. */
@Tag("fast")
class ProblemTypesDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    @Test
    void everyProblemTypeIsDocumentedWithItsStatusAndNothingElseIs() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "errors.md"));
        Matcher row = ROW.matcher(doc);
        List<String> documented = new java.util.ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }

        List<String> inCode = Arrays.stream(ProblemType.values())
                .map(type -> type.slug() + " " + type.status().value()).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(inCode);
    }
}
