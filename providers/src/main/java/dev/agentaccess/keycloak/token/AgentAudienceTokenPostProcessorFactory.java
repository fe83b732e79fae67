package dev.agentaccess.keycloak.token;

import dev.agentaccess.keycloak.common.AgentAccessVersion;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Registers {@link AgentAudienceTokenPostProcessor} with Keycloak's token-interceptor SPI. */
public final class AgentAudienceTokenPostProcessorFactory
    implements TokenPostProcessorFactory, ServerInfoAwareProviderFactory {

  public static final String PROVIDER_ID = "agent-audience";

  @Override
  public TokenPostProcessor create(KeycloakSession session) {
    return new AgentAudienceTokenPostProcessor(session);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public Map<String, String> getOperationalInfo() {
    return AgentAccessVersion.operationalInfo();
  }
}
