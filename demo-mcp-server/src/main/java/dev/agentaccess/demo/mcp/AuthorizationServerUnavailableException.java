package dev.agentaccess.demo.mcp;

/**
 * The token could not be checked because the authorization server's keys could not be fetched. Kept
 * apart from {@link InvalidAccessTokenException} so that a Keycloak that is still starting produces
 * a 503 (try again) rather than a 401 (get a new token), which would send clients into a pointless
 * re-authorization loop.
 */
public class AuthorizationServerUnavailableException extends Exception {
  public AuthorizationServerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
