package dev.agentaccess.demo.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks inside a JSON-RPC POST body for {@code tools/call} requests the caller lacks the scope for.
 *
 * <p>This exists because the MCP authorization spec wants insufficient scope reported at the HTTP
 * level (403 + {@code WWW-Authenticate: Bearer error="insufficient_scope"}), so a client can step
 * up its authorization. Inside the SDK a tool handler can only produce a JSON-RPC result, long
 * after the HTTP status has been chosen, so the check has to happen before the request reaches the
 * SDK's servlet.
 */
final class ToolCallScopeInspector {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolCallScopeInspector() {}

  /**
   * Returns the first tool called in {@code body} whose scope {@code caller} does not have. Batches
   * (JSON arrays) are checked element by element. Bodies that are not JSON, or name unknown tools,
   * yield nothing: the SDK will reject those itself with a proper JSON-RPC error.
   */
  static Optional<DemoTool> firstToolMissingScope(byte[] body, AuthenticatedCaller caller) {
    for (DemoTool tool : calledTools(body)) {
      if (!caller.hasScope(tool.requiredScope())) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }

  static List<DemoTool> calledTools(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return List.of();
    }
    List<DemoTool> tools = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(message -> calledTool(message).ifPresent(tools::add));
    } else if (root != null) {
      calledTool(root).ifPresent(tools::add);
    }
    return tools;
  }

  private static Optional<DemoTool> calledTool(JsonNode message) {
    if (!message.isObject() || !"tools/call".equals(message.path("method").asText(null))) {
      return Optional.empty();
    }
    return DemoTool.byToolName(message.path("params").path("name").asText(null));
  }
}
