package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The container path runs what docker-compose.yml runs, so a test passing here passes there. */
class ContainerImagesTest {

    @Test
    void areTheImagesDockerComposeRuns() throws Exception {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        Matcher image = Pattern.compile("(?m)^\\s+image:\\s*(\\S+)\\s*$").matcher(compose);
        List<String> images = image.results().map(result -> result.group(1)).toList();

        assertThat(images).contains(ContainerImages.KAFKA, ContainerImages.POSTGRES);
    }
}
