package dev.agentaccess.demo.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoServerConfigTest {

  @Test
  void defaultsMatchTheLocalDemoSetup() {
    DemoServerConfig config = DemoServerConfig.fromLookup(name -> null, name -> null);

    assertThat(config.port()).isEqualTo(8081);
    assertThat(config.resourceUri()).isEqualTo("http://localhost:8081/mcp");
    assertThat(config.issuer()).isEqualTo("http://localhost:8080/realms/saasalytics");
    assertThat(config.jwksUri())
        .isEqualTo("http://localhost:8080/realms/saasalytics/protocol/openid-connect/certs");
    assertThat(config.resourceMetadataUrl())
        .isEqualTo("http://localhost:8081/.well-known/oauth-protected-resource/mcp");
  }

  @Test
  void environmentOverridesDefaultsAndSystemPropertiesOverrideEnvironment() {
    Map<String, String> env =
        Map.of("MCP_PORT", "18081", "MCP_ISSUER", "http://localhost:18080/realms/saasalytics");
    Map<String, String> props = Map.of("mcp.issuer", "http://kc.example:9000/realms/x");

    DemoServerConfig config = DemoServerConfig.fromLookup(props::get, env::get);

    assertThat(config.port()).isEqualTo(18081);
    assertThat(config.resourceUri()).isEqualTo("http://localhost:18081/mcp");
    assertThat(config.issuer()).isEqualTo("http://kc.example:9000/realms/x");
  }

  @Test
  void metadataUrlInsertsWellKnownBetweenAuthorityAndPath() {
    DemoServerConfig config =
        new DemoServerConfig(
            8081, "https://mcp.example.com:8443/analytics/mcp", "https://kc.example.com/realms/r/");

    assertThat(config.resourceMetadataUrl())
        .isEqualTo(
            "https://mcp.example.com:8443/.well-known/oauth-protected-resource/analytics/mcp");
    assertThat(config.jwksUri())
        .isEqualTo("https://kc.example.com/realms/r/protocol/openid-connect/certs");
  }

  @Test
  void rejectsRelativeResourceUri() {
    assertThatThrownBy(() -> new DemoServerConfig(8081, "/mcp", DemoServerConfig.DEFAULT_ISSUER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
