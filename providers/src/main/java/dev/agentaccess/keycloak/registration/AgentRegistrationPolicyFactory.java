package dev.agentaccess.keycloak.registration;

import dev.agentaccess.keycloak.common.AgentAccessVersion;
import java.util.List;
import java.util.Map;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.clientregistration.policy.AbstractClientRegistrationPolicyFactory;
import org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy;

/**
 * Registers {@link AgentRegistrationPolicy} as client registration policy {@value #PROVIDER_ID}.
 */
public final class AgentRegistrationPolicyFactory extends AbstractClientRegistrationPolicyFactory
    implements ServerInfoAwareProviderFactory {

  public static final String PROVIDER_ID = "agent-registration";

  @Override
  public ClientRegistrationPolicy create(KeycloakSession session, ComponentModel model) {
    return new AgentRegistrationPolicy(session);
  }

  @Override
  public String getHelpText() {
    return "Agent rules for anonymous registration by AI agents (MCP clients): https or loopback"
        + " redirect URIs only, PKCE S256, consent required, access limited to the realm's MCP"
        + " server scopes. Use it instead of 'Trusted Hosts' for anonymous registration.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
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
