package dev.agentaccess.keycloak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;

class AgentAuditEventTypesTest {

  @Test
  void namesTheAgentEvents() {
    assertThat(AgentAuditEventTypes.auditTypeOf(EventType.CLIENT_REGISTER, null))
        .hasValue("agent.registered");
    assertThat(AgentAuditEventTypes.auditTypeOf(EventType.GRANT_CONSENT, null))
        .hasValue("consent.granted");
    assertThat(AgentAuditEventTypes.auditTypeOf(EventType.CODE_TO_TOKEN, null))
        .hasValue("token.issued");
    assertThat(AgentAuditEventTypes.auditTypeOf(EventType.REFRESH_TOKEN, null))
        .hasValue("token.refreshed");
  }

  @Test
  void aLoginErrorIsAConsentDenialOnlyWhenThePersonRejected() {
    assertThat(AgentAuditEventTypes.auditTypeOf(EventType.LOGIN_ERROR, Errors.REJECTED_BY_USER))
        .hasValue("consent.denied");
    assertThat(
            AgentAuditEventTypes.auditTypeOf(
                EventType.LOGIN_ERROR, Errors.INVALID_USER_CREDENTIALS))
        .isEmpty();
  }

  @Test
  void ignoresEverythingElse() {
    assertThat(AgentAuditEventTypes.auditTypeOf(EventType.LOGIN, null)).isEmpty();
    assertThat(AgentAuditEventTypes.auditTypeOf(null, null)).isEmpty();
  }
}
