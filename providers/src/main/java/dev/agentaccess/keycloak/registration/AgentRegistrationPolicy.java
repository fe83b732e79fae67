package dev.agentaccess.keycloak.registration;

import dev.agentaccess.keycloak.common.AgentClients;
import dev.agentaccess.keycloak.common.McpServers;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolFactory;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.clientregistration.ClientRegistrationContext;
import org.keycloak.services.clientregistration.ClientRegistrationProvider;
import org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy;

/**
 * The agent rules for anonymous RFC 7591 registration. It replaces Keycloak's "Trusted Hosts"
 * policy (which refuses every MCP client, since they register from anywhere) and "Allowed Client
 * Scopes" (which refuses a plain {@code "scope": "openid"}) with rules about what an agent may ask
 * for, and shapes every admitted client into an agent:
 *
 * <ul>
 *   <li>redirect URIs must be https or loopback ({@link RedirectUriRules}), otherwise {@code 400
 *       invalid_redirect_uri} (RFC 7591 §3.2.2);
 *   <li>the client is marked as an agent, must use PKCE S256, and must ask for consent;
 *   <li>its default client scopes are only {@code basic} (the {@code sub} claim), so no profile,
 *       email or role claims and no stray audiences reach an MCP server; its optional client scopes
 *       are the scopes of the realm's MCP servers, so any of them can be asked for later and the
 *       consent screen decides what is granted.
 * </ul>
 *
 * Keycloak calls it through the {@code client-registration-policy} SPI before and after each
 * registration and update of a client registered anonymously.
 */
final class AgentRegistrationPolicy implements ClientRegistrationPolicy {

  static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";

  private final KeycloakSession session;

  AgentRegistrationPolicy(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void beforeRegister(ClientRegistrationContext context) {
    ClientRepresentation client = context.getClient();
    refuseBadRedirectUris(context.getProvider(), client.getRedirectUris());
    shapeAsAgent(client);
  }

  @Override
  public void afterRegister(ClientRegistrationContext context, ClientModel clientModel) {}

  @Override
  public void beforeUpdate(ClientRegistrationContext context, ClientModel clientModel) {
    ClientRepresentation client = context.getClient();
    if (client.getRedirectUris() != null) {
      refuseBadRedirectUris(context.getProvider(), client.getRedirectUris());
    }
    // An agent stays an agent: an RFC 7592 update cannot switch off PKCE or consent.
    shapeAsAgent(client);
  }

  @Override
  public void afterUpdate(ClientRegistrationContext context, ClientModel clientModel) {}

  @Override
  public void beforeView(ClientRegistrationProvider provider, ClientModel clientModel) {}

  @Override
  public void beforeDelete(ClientRegistrationProvider provider, ClientModel clientModel) {}

  private static void refuseBadRedirectUris(
      ClientRegistrationProvider provider, List<String> redirectUris) {
    Optional<String> problem = RedirectUriRules.firstProblem(redirectUris);
    if (problem.isPresent()) {
      provider.getEvent().detail("reason", problem.get()).error(INVALID_REDIRECT_URI);
      throw new ErrorResponseException(
          INVALID_REDIRECT_URI, problem.get(), Response.Status.BAD_REQUEST);
    }
  }

  private void shapeAsAgent(ClientRepresentation client) {
    Map<String, String> attributes =
        client.getAttributes() == null ? new HashMap<>() : new HashMap<>(client.getAttributes());
    attributes.put(AgentClients.AGENT_ATTRIBUTE, "true");
    attributes.putIfAbsent(
        AgentClients.REGISTRATION_TYPE_ATTRIBUTE, AgentClients.REGISTRATION_TYPE_DCR);
    attributes.put(AgentClients.PKCE_METHOD_ATTRIBUTE, OAuth2Constants.PKCE_METHOD_S256);
    client.setAttributes(attributes);
    client.setConsentRequired(true);
    client.setImplicitFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(false);
    client.setServiceAccountsEnabled(false);
    client.setDefaultClientScopes(List.of(OIDCLoginProtocolFactory.BASIC_SCOPE));
    client.setOptionalClientScopes(new ArrayList<>(mcpScopeNames()));
  }

  private List<String> mcpScopeNames() {
    RealmModel realm = session.getContext().getRealm();
    return McpServers.allScopeNames(session, realm).stream().sorted().toList();
  }
}
