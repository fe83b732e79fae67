package dev.agentaccess.keycloak.token;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorFactory;

/** Registers {@link AgentAudienceTokenPostProcessor} with Keycloak's token-interceptor SPI. */
public final class AgentAudienceTokenPostProcessorFactory implements TokenPostProcessorFactory {

  public static final String PROVIDER_ID = "agent-audience";

  @Override
  public TokenPostProcessor create(KeycloakSession session) {
    return new AgentAudienceTokenPostProcessor(session);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }
}
