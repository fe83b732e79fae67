package dev.agentaccess.demo.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two demo tools. Their answers are canned and deterministic so that tests (and people watching
 * a demo) can tell at a glance that the call went through and on whose behalf.
 */
final class AnalyticsTools {

  static final String DEFAULT_METRIC = "active_users";

  // Fixed demo numbers; a real server would query its analytics store here.
  private static final Map<String, String> METRICS = demoMetrics();

  private AnalyticsTools() {}

  /** One SDK tool specification per {@link DemoTool}. */
  static List<SyncToolSpecification> specifications() {
    return Arrays.stream(DemoTool.values()).map(AnalyticsTools::specification).toList();
  }

  /**
   * Runs a tool for a caller. The HTTP filter has already refused calls without the right scope;
   * checking again here means a future transport or filter mistake cannot silently open a tool.
   */
  static CallToolResult call(
      DemoTool tool, AuthenticatedCaller caller, Map<String, Object> arguments) {
    if (caller == null) {
      return error("Not authenticated: no caller in the transport context");
    }
    if (!caller.hasScope(tool.requiredScope())) {
      return error(
          "insufficient_scope: tool "
              + tool.toolName()
              + " requires scope "
              + tool.requiredScope());
    }
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    return switch (tool) {
      case GET_ANALYTICS_REPORT -> analyticsReport(caller, args);
      case RECORD_CUSTOMER_EVENT -> recordCustomerEvent(caller, args);
    };
  }

  private static SyncToolSpecification specification(DemoTool demoTool) {
    return SyncToolSpecification.builder()
        .tool(definition(demoTool))
        .callHandler(
            (exchange, request) ->
                call(demoTool, callerFrom(exchange.transportContext()), request.arguments()))
        .build();
  }

  private static Tool definition(DemoTool tool) {
    return switch (tool) {
      case GET_ANALYTICS_REPORT -> analyticsReportTool();
      case RECORD_CUSTOMER_EVENT -> customerEventTool();
    };
  }

  private static AuthenticatedCaller callerFrom(McpTransportContext context) {
    Object caller = context == null ? null : context.get(AuthenticatedCaller.TRANSPORT_CONTEXT_KEY);
    return caller instanceof AuthenticatedCaller c ? c : null;
  }

  private static CallToolResult analyticsReport(
      AuthenticatedCaller caller, Map<String, Object> arguments) {
    Object requested = arguments.get("metric");
    String metric = requested instanceof String s && !s.isBlank() ? s.trim() : DEFAULT_METRIC;
    String value = METRICS.get(metric);
    if (value == null) {
      return error(
          "Unknown metric '" + metric + "'; available: " + String.join(", ", METRICS.keySet()));
    }
    return text(
        "Saasalytics report for "
            + caller.displayName()
            + ": "
            + metric
            + "="
            + value
            + " (last 7 days)");
  }

  private static CallToolResult recordCustomerEvent(
      AuthenticatedCaller caller, Map<String, Object> arguments) {
    Object event = arguments.get("event");
    if (!(event instanceof String name) || name.isBlank()) {
      return error("Argument 'event' is required");
    }
    return text("Recorded customer event '" + name + "' for " + caller.displayName());
  }

  private static Tool analyticsReportTool() {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("type", "string");
    metric.put(
        "description", "Metric to report, one of: " + String.join(", ", METRICS.keySet()) + ".");
    metric.put("default", DEFAULT_METRIC);
    return Tool.builder()
        .name(DemoTool.GET_ANALYTICS_REPORT.toolName())
        .title("Get analytics report")
        .description(
            "Returns a Saasalytics analytics figure for the last 7 days. Requires scope "
                + DemoTool.GET_ANALYTICS_REPORT.requiredScope()
                + ".")
        .inputSchema(objectSchema(Map.of("metric", metric), List.of()))
        .build();
  }

  private static Tool customerEventTool() {
    Map<String, Object> event =
        Map.of("type", "string", "description", "Name of the customer event, e.g. signup.");
    return Tool.builder()
        .name(DemoTool.RECORD_CUSTOMER_EVENT.toolName())
        .title("Record customer event")
        .description(
            "Records a customer event in Saasalytics. Requires scope "
                + DemoTool.RECORD_CUSTOMER_EVENT.requiredScope()
                + ".")
        .inputSchema(objectSchema(Map.of("event", event), List.of("event")))
        .build();
  }

  private static Map<String, Object> objectSchema(
      Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static CallToolResult text(String text) {
    return CallToolResult.builder().addTextContent(text).isError(false).build();
  }

  private static CallToolResult error(String text) {
    return CallToolResult.builder().addTextContent(text).isError(true).build();
  }

  private static Map<String, String> demoMetrics() {
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("active_users", "1342");
    metrics.put("new_signups", "87");
    metrics.put("sessions", "5871");
    metrics.put("churn_rate", "2.1%");
    return metrics;
  }
}
