package dev.agentaccess.demo.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolCallScopeInspectorTest {

  private static final AuthenticatedCaller READER =
      new AuthenticatedCaller("sub-1", "alice", Set.of("read:analytics-data"));

  @Test
  void findsWriteToolCalledWithReadScope() {
    assertThat(missing(McpHttpClient.toolCall(1, "record_customer_event", "{}")))
        .contains(DemoTool.RECORD_CUSTOMER_EVENT);
  }

  @Test
  void allowsToolTheCallerHasScopeFor() {
    assertThat(missing(McpHttpClient.toolCall(1, "get_analytics_report", "{}"))).isEmpty();
  }

  @Test
  void checksEveryBatchElement() {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
            + McpHttpClient.toolCall(2, "get_analytics_report", "{}")
            + ","
            + McpHttpClient.toolCall(3, "record_customer_event", "{}")
            + "]";

    assertThat(missing(batch)).contains(DemoTool.RECORD_CUSTOMER_EVENT);
  }

  @Test
  void leavesOtherMethodsUnknownToolsAndNonJsonToTheSdk() {
    assertThat(missing(McpHttpClient.initializeRequest())).isEmpty();
    assertThat(missing(McpHttpClient.toolCall(1, "no_such_tool", "{}"))).isEmpty();
    assertThat(missing("{not json")).isEmpty();
    assertThat(missing("")).isEmpty();
  }

  private static java.util.Optional<DemoTool> missing(String body) {
    return ToolCallScopeInspector.firstToolMissingScope(
        body.getBytes(StandardCharsets.UTF_8), READER);
  }
}
