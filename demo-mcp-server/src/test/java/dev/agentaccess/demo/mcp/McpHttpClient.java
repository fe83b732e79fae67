package dev.agentaccess.demo.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Just enough of an MCP streamable-HTTP client to drive the server over real HTTP, so tests see
 * exactly what a client would: status codes, challenge headers, JSON or SSE bodies.
 */
final class McpHttpClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROTOCOL_VERSION = "2025-06-18";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final URI endpoint;

  McpHttpClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** A JSON-RPC response plus the HTTP envelope it came in. */
  record Reply(int status, Map<String, List<String>> headers, JsonNode body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }
  }

  HttpRequest.Builder post(String body, String token, String sessionId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (sessionId != null) {
      request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", PROTOCOL_VERSION);
    }
    return request;
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts a JSON-RPC message and returns the response to it, whether the server answered with a
   * plain JSON body or with an SSE stream (where the response is the {@code data:} of an event).
   */
  Reply call(String body, String token, String sessionId) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response =
        http.send(post(body, token, sessionId).build(), HttpResponse.BodyHandlers.ofLines());
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    try (Stream<String> lines = response.body()) {
      JsonNode parsed =
          contentType.startsWith("text/event-stream")
              ? firstSseData(lines.iterator())
              : readJsonOrNull(String.join("\n", (Iterable<String>) lines::iterator));
      return new Reply(response.statusCode(), response.headers().map(), parsed);
    }
  }

  /** Initializes a session and completes the handshake; returns the session id. */
  String openSession(String token) throws IOException, InterruptedException {
    Reply init = call(initializeRequest(), token, null);
    if (init.status() != 200) {
      throw new AssertionError("initialize failed: " + init);
    }
    String sessionId =
        init.header("Mcp-Session-Id").orElseThrow(() -> new AssertionError("no session id"));
    HttpResponse<String> initialized =
        send(
            post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", token, sessionId)
                .build());
    if (initialized.statusCode() != 202) {
      throw new AssertionError("initialized notification got " + initialized.statusCode());
    }
    return sessionId;
  }

  static String initializeRequest() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\""
        + PROTOCOL_VERSION
        + "\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"demo-mcp-server-test\",\"version\":\"1\"}}}";
  }

  static String toolCall(int id, String tool, String argumentsJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + argumentsJson
        + "}}";
  }

  // Reads SSE events until one carries a JSON-RPC response (it has an id; notifications do not).
  // Stops there rather than at end of stream, in case the server keeps the stream open.
  private static JsonNode firstSseData(Iterator<String> lines) throws IOException {
    StringBuilder data = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (data.length() > 0) {
          JsonNode event = JSON.readTree(data.toString());
          if (event.has("id")) {
            return event;
          }
          data.setLength(0);
        }
      } else if (line.startsWith("data:")) {
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(line.substring("data:".length()).stripLeading());
      }
    }
    return data.length() > 0 ? JSON.readTree(data.toString()) : null;
  }

  private static JsonNode readJsonOrNull(String body) throws IOException {
    return body.isBlank() ? null : JSON.readTree(body);
  }
}
