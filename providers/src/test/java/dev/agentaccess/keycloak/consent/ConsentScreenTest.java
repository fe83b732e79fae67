package dev.agentaccess.keycloak.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentScreenTest {

  @Test
  void findsTheHostTheCodeIsSentTo() {
    assertThat(ConsentScreen.hostOf("http://127.0.0.1:53117/callback")).isEqualTo("127.0.0.1");
    assertThat(ConsentScreen.hostOf("https://claude.ai/api/mcp/auth_callback"))
        .isEqualTo("claude.ai");
  }
}
