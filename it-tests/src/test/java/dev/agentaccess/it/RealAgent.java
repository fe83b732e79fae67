package dev.agentaccess.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real agent: {@code it-tests/agent/agent.mjs}, a Node program built on the official MCP
 * TypeScript SDK. It talks to the demo MCP server, gets the 401, discovers Keycloak, registers,
 * prints the authorization URL for the person, waits on its loopback callback, exchanges the code
 * and calls tools. It prints {@code AUTHORIZATION_URL <url>} and finally {@code RESULT <json>}.
 */
final class RealAgent implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final CompletableFuture<String> authorizationUrl = new CompletableFuture<>();
  private final CompletableFuture<JsonNode> result = new CompletableFuture<>();
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());

  private RealAgent(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "real-agent-output");
    reader.setDaemon(true);
    reader.start();
  }

  static RealAgent start(String mcpServerUrl, String expectedIssuer) throws IOException {
    Path agentDir = Path.of(System.getProperty("agent.dir"));
    if (!Files.isDirectory(agentDir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      throw new IllegalStateException(
          "The MCP TypeScript SDK is not installed: run `npm ci` in " + agentDir);
    }
    Process process =
        new ProcessBuilder("node", "agent.mjs", mcpServerUrl, expectedIssuer)
            .directory(agentDir.toFile())
            .redirectErrorStream(true)
            .start();
    return new RealAgent(process);
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.add(line);
        if (line.startsWith("AUTHORIZATION_URL ")) {
          authorizationUrl.complete(line.substring("AUTHORIZATION_URL ".length()));
        } else if (line.startsWith("RESULT ")) {
          result.complete(JSON.readTree(line.substring("RESULT ".length())));
        }
      }
    } catch (IOException e) {
      result.completeExceptionally(e);
    } finally {
      IllegalStateException ended =
          new IllegalStateException(
              "The agent ended early. Its output:\n" + String.join("\n", output));
      authorizationUrl.completeExceptionally(ended);
      result.completeExceptionally(ended);
    }
  }

  String awaitAuthorizationUrl() throws Exception {
    return authorizationUrl.get(60, TimeUnit.SECONDS);
  }

  JsonNode awaitResult() throws Exception {
    return result.get(60, TimeUnit.SECONDS);
  }

  String output() {
    return String.join("\n", output);
  }

  @Override
  public void close() {
    process.destroy();
  }
}
