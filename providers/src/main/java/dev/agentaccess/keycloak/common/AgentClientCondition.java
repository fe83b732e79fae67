package dev.agentaccess.keycloak.common;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyConditionConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProvider;
import org.keycloak.services.clientpolicy.context.ClientModelContext;

/**
 * Client policy condition {@value AgentClientConditionFactory#PROVIDER_ID}: true for clients marked
 * as agents, so realm admins can attach agent-only rules (client profiles) in the admin console.
 */
final class AgentClientCondition
    extends AbstractClientPolicyConditionProvider<
        ClientPolicyConditionConfigurationRepresentation> {

  AgentClientCondition(KeycloakSession session) {
    super(session);
  }

  @Override
  public ClientPolicyVote applyPolicy(ClientPolicyContext context) {
    ClientModel client =
        context instanceof ClientModelContext withClient
            ? withClient.getClient()
            : session.getContext().getClient();
    if (client == null) {
      return ClientPolicyVote.ABSTAIN;
    }
    return AgentClients.isAgent(client) ? ClientPolicyVote.YES : ClientPolicyVote.NO;
  }

  @Override
  public String getProviderId() {
    return AgentClientConditionFactory.PROVIDER_ID;
  }
}
