package dev.agentaccess.demo.mcp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tools this server offers and the OAuth scope each one needs. This is the single place that
 * maps tools to scopes: the HTTP filter (which answers 403 insufficient_scope), the tool handlers
 * (which re-check) and the protected resource metadata ({@code scopes_supported}) all read it.
 */
public enum DemoTool {
  GET_ANALYTICS_REPORT("get_analytics_report", "read:analytics-data"),
  RECORD_CUSTOMER_EVENT("record_customer_event", "write:customer-events");

  private final String toolName;
  private final String requiredScope;

  DemoTool(String toolName, String requiredScope) {
    this.toolName = toolName;
    this.requiredScope = requiredScope;
  }

  /** The name clients use in {@code tools/call}. */
  public String toolName() {
    return toolName;
  }

  /** The scope an access token must carry to call this tool. */
  public String requiredScope() {
    return requiredScope;
  }

  public static Optional<DemoTool> byToolName(String toolName) {
    return Arrays.stream(values()).filter(t -> t.toolName.equals(toolName)).findFirst();
  }

  /** Every scope this resource understands, in declaration order. */
  public static List<String> allScopes() {
    return Arrays.stream(values()).map(DemoTool::requiredScope).distinct().toList();
  }
}
