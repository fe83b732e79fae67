package dev.agentaccess.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak 26.7.3: the distribution from Maven Central unpacked by the build, our jar in its
 * {@code providers/}, the demo realm imported with Keycloak's own {@code --import-realm}, on its
 * embedded dev database. Exactly what an admin does, on test ports so a local run on 8080 does not
 * collide.
 */
final class KeycloakProcess implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

  private final int httpPort;
  private final Process process;
  private final Path log;

  private KeycloakProcess(int httpPort, Process process, Path log) {
    this.httpPort = httpPort;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts Keycloak with a fresh database and the realm export, rewritten so that the demo MCP
   * server's canonical URI points at the port the tests run it on.
   */
  static KeycloakProcess start(
      Path keycloakHome,
      Path realmExport,
      int httpPort,
      int managementPort,
      String demoMcpResource,
      String testMcpResource,
      Path log)
      throws IOException, InterruptedException {
    requireFree(httpPort);
    requireFree(managementPort);
    Path data = keycloakHome.resolve("data");
    deleteRecursively(data);
    Path importDir = Files.createDirectories(data.resolve("import"));
    String realm = Files.readString(realmExport, StandardCharsets.UTF_8);
    Files.writeString(
        importDir.resolve(realmExport.getFileName()),
        realm.replace(demoMcpResource, testMcpResource),
        StandardCharsets.UTF_8);

    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                keycloakHome.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort));
    command.addAll(TestDatabase.fromSystemProperty().freshKeycloakOptions());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(keycloakHome.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    KeycloakProcess keycloak = new KeycloakProcess(httpPort, builder.start(), log);
    keycloak.awaitRealm("saasalytics");
    return keycloak;
  }

  String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  String issuer(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  Path log() {
    return log;
  }

  private void awaitRealm(String realm) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Keycloak is still starting.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Keycloak did not serve realm " + realm + " within " + STARTUP_TIMEOUT + "; see " + log);
  }

  private static void requireFree(int port) {
    try (ServerSocket ignored = new ServerSocket(port)) {
      // free
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " is in use. Is a Keycloak from an earlier test run still running? Stop it first.",
          e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    // kc.sh starts java as a child: stop the whole tree.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
