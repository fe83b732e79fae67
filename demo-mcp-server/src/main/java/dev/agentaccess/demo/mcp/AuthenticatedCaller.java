package dev.agentaccess.demo.mcp;

import java.util.Set;

/**
 * Who called, as established from a validated access token. The token itself is deliberately not
 * kept here: this server never forwards it anywhere (no token passthrough), so nothing downstream
 * should be able to get hold of it.
 *
 * @param subject the token's {@code sub}, may be null (Keycloak can omit it from lightweight
 *     tokens)
 * @param username the token's {@code preferred_username}, may be null
 * @param scopes the scopes granted to the token
 */
public record AuthenticatedCaller(String subject, String username, Set<String> scopes) {

  /** Request attribute under which {@link BearerTokenFilter} stores the caller. */
  public static final String REQUEST_ATTRIBUTE = AuthenticatedCaller.class.getName();

  /** Key under which the caller travels in the MCP SDK's transport context. */
  public static final String TRANSPORT_CONTEXT_KEY = "dev.agentaccess.demo.mcp.caller";

  public AuthenticatedCaller {
    scopes = Set.copyOf(scopes);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** A human-friendly name for demo output: the username if the token has one, else the subject. */
  public String displayName() {
    if (username != null && !username.isBlank()) {
      return username;
    }
    return subject != null && !subject.isBlank() ? subject : "unknown caller";
  }
}
