package dev.kassa.localstack;

/** Whether Testcontainers can reach a Docker engine (its own check: DOCKER_HOST, the socket, its config). */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean available() {
        QuietLogging.apply();
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (NoClassDefFoundError e) {
            return false; // Testcontainers is not on this classpath (the launcher leaves it out)
        }
    }
}
