package dev.agentaccess.keycloak.registration;

import dev.agentaccess.keycloak.common.McpServers;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.clientregistration.ClientRegistrationContext;
import org.keycloak.services.clientregistration.ClientRegistrationProvider;
import org.keycloak.services.clientregistration.oidc.OIDCClientRegistrationContext;
import org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy;

/**
 * The agent rules for anonymous RFC 7591 registration. It replaces Keycloak's "Trusted Hosts"
 * policy (which refuses every MCP client, since they register from anywhere) and "Allowed Client
 * Scopes" (which refuses a plain {@code "scope": "openid"}) with rules about what an agent may ask
 * for, and shapes every admitted client into an agent ({@link AgentClientShape}): https or loopback
 * redirect URIs, PKCE S256, consent required, only the {@code basic} default scope, the MCP
 * servers' scopes as optional scopes, and nothing that makes Keycloak fetch an agent-chosen URL.
 *
 * <p>Agents register through the OpenID Connect endpoint ({@code
 * /clients-registrations/openid-connect}) only: Keycloak's other anonymous endpoints take a raw
 * Keycloak client representation (client id, attributes, mappers) that no rule could make safe.
 *
 * <p>Keycloak calls it through the {@code client-registration-policy} SPI before and after each
 * registration and update of a client registered anonymously. Errors are RFC 7591 §3.2.2 bodies.
 */
final class AgentRegistrationPolicy implements ClientRegistrationPolicy {

  private final KeycloakSession session;

  AgentRegistrationPolicy(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void beforeRegister(ClientRegistrationContext context) {
    shapeAsAgent(context);
  }

  @Override
  public void afterRegister(ClientRegistrationContext context, ClientModel clientModel) {}

  @Override
  public void beforeUpdate(ClientRegistrationContext context, ClientModel clientModel) {
    // An agent stays an agent: an RFC 7592 update cannot widen what it may do.
    shapeAsAgent(context);
  }

  @Override
  public void afterUpdate(ClientRegistrationContext context, ClientModel clientModel) {}

  @Override
  public void beforeView(ClientRegistrationProvider provider, ClientModel clientModel) {}

  @Override
  public void beforeDelete(ClientRegistrationProvider provider, ClientModel clientModel) {}

  /**
   * Lets browser-based agents (MCP Inspector, web apps) register: Keycloak answers a registration
   * request carrying an {@code Origin} no policy allows with {@code 403 Invalid origin}. We allow
   * the caller's own origin when it is https or loopback. This protects nothing less than before:
   * anonymous registration is open to any HTTP client anyway, and it carries no credentials.
   */
  @Override
  public Collection<String> getAllowedOrigins() {
    String origin = session.getContext().getRequestHeaders().getHeaderString("Origin");
    return RedirectUriRules.isAcceptableOrigin(origin) ? List.of(origin) : List.of();
  }

  private void shapeAsAgent(ClientRegistrationContext context) {
    try {
      if (!(context instanceof OIDCClientRegistrationContext)) {
        throw new AgentMetadataException(
            AgentMetadataException.INVALID_CLIENT_METADATA,
            "Agents register with OAuth 2.0 Dynamic Client Registration (RFC 7591) at the"
                + " registration_endpoint from the authorization server metadata");
      }
      AgentClientShape.apply(
          context.getClient(), McpServers.allScopeNames(session, session.getContext().getRealm()));
    } catch (AgentMetadataException refused) {
      context
          .getProvider()
          .getEvent()
          .detail("reason", refused.getMessage())
          .error(refused.error());
      throw new ErrorResponseException(
          refused.error(), refused.getMessage(), Response.Status.BAD_REQUEST);
    }
  }
}
