package dev.agentaccess.keycloak.common;

/**
 * Keys of values one provider leaves on the {@code KeycloakSession} for another within the same
 * HTTP request. Never used across requests: cluster-wide state lives in the database.
 */
public final class RequestAttributes {

  /** The MCP server a token of this request was bound to; read by the audit listener. */
  public static final String ISSUED_RESOURCE = "agent-access.issued-resource";

  private RequestAttributes() {}
}
