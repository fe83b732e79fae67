package dev.agentaccess.keycloak.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceIndicatorsTest {

  @Test
  void acceptsAnAbsoluteUri() {
    assertThat(ResourceIndicators.syntaxProblem("http://localhost:8081/mcp")).isEmpty();
    assertThat(ResourceIndicators.syntaxProblem("https://mcp.example.test/mcp")).isEmpty();
  }

  @Test
  void refusesMissingRelativeOrFragmentResources() {
    assertThat(ResourceIndicators.syntaxProblem(null))
        .hasValueSatisfying(p -> assertThat(p).contains("required"));
    assertThat(ResourceIndicators.syntaxProblem(" ")).isPresent();
    assertThat(ResourceIndicators.syntaxProblem("/mcp"))
        .hasValueSatisfying(p -> assertThat(p).contains("absolute"));
    assertThat(ResourceIndicators.syntaxProblem("https://mcp.example.test/mcp#x"))
        .hasValueSatisfying(p -> assertThat(p).contains("fragment"));
    assertThat(ResourceIndicators.syntaxProblem("http://bad host/mcp")).isPresent();
  }
}
