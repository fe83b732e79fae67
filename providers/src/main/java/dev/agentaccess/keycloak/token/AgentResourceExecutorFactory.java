package dev.agentaccess.keycloak.token;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link AgentResourceExecutor} with Keycloak's client-policy executor SPI. */
public final class AgentResourceExecutorFactory implements ClientPolicyExecutorProviderFactory {

  public static final String PROVIDER_ID = "agent-resource-indicator";

  @Override
  public ClientPolicyExecutorProvider create(KeycloakSession session) {
    return new AgentResourceExecutor(session);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getHelpText() {
    return "Agents must send an RFC 8707 'resource' naming one of the realm's MCP servers at the"
        + " authorization endpoint; otherwise the request ends with invalid_target.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
