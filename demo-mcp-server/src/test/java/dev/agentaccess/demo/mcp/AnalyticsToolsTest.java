package dev.agentaccess.demo.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The handlers' own scope check, which the HTTP filter normally makes unreachable. */
class AnalyticsToolsTest {

  private static final AuthenticatedCaller READER =
      new AuthenticatedCaller("sub-1", "alice", Set.of("read:analytics-data"));

  @Test
  void handlerRefusesCallerWithoutScope() {
    CallToolResult result =
        AnalyticsTools.call(DemoTool.RECORD_CUSTOMER_EVENT, READER, Map.of("event", "signup"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("insufficient_scope").contains("write:customer-events");
  }

  @Test
  void handlerRefusesMissingCaller() {
    CallToolResult result = AnalyticsTools.call(DemoTool.GET_ANALYTICS_REPORT, null, Map.of());

    assertThat(result.isError()).isTrue();
  }

  @Test
  void reportsRequestedMetric() {
    CallToolResult result =
        AnalyticsTools.call(DemoTool.GET_ANALYTICS_REPORT, READER, Map.of("metric", "sessions"));

    assertThat(result.isError()).isFalse();
    assertThat(text(result)).isEqualTo("Saasalytics report for alice: sessions=5871 (last 7 days)");
  }

  @Test
  void unknownMetricIsAToolError() {
    CallToolResult result =
        AnalyticsTools.call(DemoTool.GET_ANALYTICS_REPORT, READER, Map.of("metric", "revenue"));

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("revenue").contains("active_users");
  }

  @Test
  void everyDemoToolHasASpecification() {
    assertThat(AnalyticsTools.specifications())
        .extracting(spec -> spec.tool().name())
        .containsExactly("get_analytics_report", "record_customer_event");
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
