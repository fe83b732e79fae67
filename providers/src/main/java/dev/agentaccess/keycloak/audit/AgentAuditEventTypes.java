package dev.agentaccess.keycloak.audit;

import java.util.Optional;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;

/** Which Keycloak events are agent events, and what we call them. Pure logic, unit-tested. */
public final class AgentAuditEventTypes {

  private AgentAuditEventTypes() {}

  /** Our name for a Keycloak event about an agent, or empty when it is not one we audit. */
  public static Optional<String> auditTypeOf(EventType type, String error) {
    if (type == null) {
      return Optional.empty();
    }
    return switch (type) {
      case CLIENT_REGISTER -> Optional.of("agent.registered");
      case CLIENT_REGISTER_ERROR -> Optional.of("agent.registration_refused");
      case GRANT_CONSENT -> Optional.of("consent.granted");
      case LOGIN_ERROR ->
          Errors.REJECTED_BY_USER.equals(error) ? Optional.of("consent.denied") : Optional.empty();
      case CODE_TO_TOKEN -> Optional.of("token.issued");
      case CODE_TO_TOKEN_ERROR -> Optional.of("token.failed");
      case REFRESH_TOKEN -> Optional.of("token.refreshed");
      case REFRESH_TOKEN_ERROR -> Optional.of("token.failed");
      default -> Optional.empty();
    };
  }
}
