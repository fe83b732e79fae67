package dev.agentaccess.keycloak.discovery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * Plugs into Keycloak's {@code well-known} SPI. Keycloak serves {@code /.well-known/<alias>} from
 * the factory with the lowest priority for that alias; Keycloak's own factories use 100, ours 10,
 * so ours answer and delegate to Keycloak's. Being available via server metadata also makes the
 * path-inserted form ({@code /.well-known/<alias>/realms/<realm>}, RFC 8414 §3.1) answer, which MCP
 * clients try first.
 */
abstract class AgentDiscoveryProviderFactory implements WellKnownProviderFactory {

  static final int PRIORITY_BEFORE_KEYCLOAK = 10;

  /** Alias that is also the id of Keycloak's own factory we delegate to. */
  abstract String keycloakAlias();

  @Override
  public WellKnownProvider create(KeycloakSession session) {
    return new AgentAuthorizationServerMetadata(session, keycloakAlias());
  }

  @Override
  public String getId() {
    return "agent-access-" + keycloakAlias();
  }

  @Override
  public String getAlias() {
    return keycloakAlias();
  }

  @Override
  public int getPriority() {
    return PRIORITY_BEFORE_KEYCLOAK;
  }

  @Override
  public boolean isAvailableViaServerMetadata() {
    return true;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
