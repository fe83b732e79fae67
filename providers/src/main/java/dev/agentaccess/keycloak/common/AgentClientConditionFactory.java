package dev.agentaccess.keycloak.common;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProviderFactory;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

/** Registers {@link AgentClientCondition} with Keycloak's client-policy condition SPI. */
public final class AgentClientConditionFactory
    extends AbstractClientPolicyConditionProviderFactory {

  public static final String PROVIDER_ID = "agent-client";

  private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

  static {
    addCommonConfigProperties(CONFIG);
  }

  @Override
  public ClientPolicyConditionProvider create(KeycloakSession session) {
    return new AgentClientCondition(session);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getHelpText() {
    return "Satisfied by clients registered as AI agents (MCP clients) through Agent Access.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return CONFIG;
  }
}
