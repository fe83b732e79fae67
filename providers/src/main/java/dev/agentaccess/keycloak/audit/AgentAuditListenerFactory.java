package dev.agentaccess.keycloak.audit;

import dev.agentaccess.keycloak.common.AgentAccessVersion;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Registers {@link AgentAuditListener} as event listener {@value #PROVIDER_ID}. */
public final class AgentAuditListenerFactory
    implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

  public static final String PROVIDER_ID = "agent-audit";

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new AgentAuditListener(session);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
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
