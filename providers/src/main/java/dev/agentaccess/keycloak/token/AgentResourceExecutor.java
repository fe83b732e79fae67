package dev.agentaccess.keycloak.token;

import dev.agentaccess.keycloak.common.AgentClients;
import dev.agentaccess.keycloak.common.McpServers;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
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
 * the person is even asked to log in. Keycloak stores the accepted {@code resource} with the
 * authorization code; {@link AgentAudienceTokenPostProcessor} binds the token to it.
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
    if (McpServers.byResource(session, session.getContext().getRealm(), resource).isEmpty()) {
      throw new ClientPolicyException(
          OAuthErrorException.INVALID_TARGET, "Unknown resource: no MCP server " + resource);
    }
  }

  @Override
  public String getProviderId() {
    return AgentResourceExecutorFactory.PROVIDER_ID;
  }
}
