package dev.agentaccess.keycloak.token;

import dev.agentaccess.keycloak.common.AgentClients;
import dev.agentaccess.keycloak.common.McpServers;
import java.util.Optional;
import java.util.Set;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Client policy executor {@value AgentResourceExecutorFactory#PROVIDER_ID}: at the authorization
 * endpoint an agent must name, in the RFC 8707 {@code resource} parameter, an MCP server the realm
 * knows. Otherwise Keycloak redirects back to the agent with {@code error=invalid_target} before
 * the person is even asked to log in; a requested scope of another MCP server ends in {@code
 * invalid_scope}. Keycloak stores the accepted {@code resource} with the authorization code; {@link
 * AgentAudienceTokenPostProcessor} binds the token to it.
 */
final class AgentResourceExecutor
    implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

  private final KeycloakSession session;

  AgentResourceExecutor(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
    if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
      return;
    }
    AuthorizationRequestContext authorization = (AuthorizationRequestContext) context;
    if (!AgentClients.isAgent(authorization.getClient())) {
      return;
    }
    String resource = authorization.getAuthorizationEndpointRequest().getResource();
    Optional<String> problem = ResourceIndicators.syntaxProblem(resource);
    if (problem.isPresent()) {
      throw new ClientPolicyException(OAuthErrorException.INVALID_TARGET, problem.get());
    }
    RealmModel realm = session.getContext().getRealm();
    Optional<ClientModel> mcpServer = McpServers.byResource(session, realm, resource);
    if (mcpServer.isEmpty()) {
      throw new ClientPolicyException(
          OAuthErrorException.INVALID_TARGET, "Unknown resource: no MCP server " + resource);
    }
    refuseScopesOfOtherServers(
        authorization.getClient(),
        McpServers.scopeNamesOf(realm, mcpServer.get()),
        authorization.getAuthorizationEndpointRequest().getScope(),
        resource);
  }

  /**
   * A token is for one MCP server, so it may only carry that server's scopes: asking for another
   * server's scope under this resource ends in {@code invalid_scope} (RFC 6749 §4.1.2.1).
   */
  private static void refuseScopesOfOtherServers(
      ClientModel agent, Set<String> serverScopes, String scopeParam, String resource)
      throws ClientPolicyException {
    if (scopeParam == null) {
      return;
    }
    Set<String> agentMcpScopes = agent.getClientScopes(false).keySet();
    for (String scope : scopeParam.trim().split("\\s+")) {
      if (agentMcpScopes.contains(scope) && !serverScopes.contains(scope)) {
        throw new ClientPolicyException(
            OAuthErrorException.INVALID_SCOPE,
            "Scope " + scope + " does not belong to the MCP server " + resource);
      }
    }
  }

  @Override
  public String getProviderId() {
    return AgentResourceExecutorFactory.PROVIDER_ID;
  }
}
