package dev.agentaccess.keycloak.consent;

import dev.agentaccess.keycloak.common.AgentAccessVersion;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Registers {@link AgentConsentAuthenticator} as authenticator {@value #PROVIDER_ID}. */
public final class AgentConsentAuthenticatorFactory
    implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

  public static final String PROVIDER_ID = "agent-consent";

  private static final AgentConsentAuthenticator SINGLETON = new AgentConsentAuthenticator();

  @Override
  public Authenticator create(KeycloakSession session) {
    return SINGLETON;
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "Agent consent";
  }

  @Override
  public String getReferenceCategory() {
    return "consent";
  }

  @Override
  public String getHelpText() {
    return "Asks the person to approve or deny an AI agent (MCP client): who is asking, for which"
        + " MCP server, for which scopes. Put it as a REQUIRED step after the login steps.";
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
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

  @Override
  public Map<String, String> getOperationalInfo() {
    return AgentAccessVersion.operationalInfo();
  }
}
