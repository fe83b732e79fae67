package dev.agentaccess.keycloak.common;

import java.util.Map;

/**
 * The jar's version, for Keycloak's server info ({@code ServerInfoAwareProviderFactory}): an admin
 * can check in the admin console (Provider info) which Agent Access build a server runs.
 */
public final class AgentAccessVersion {

  private AgentAccessVersion() {}

  public static Map<String, String> operationalInfo() {
    String version = AgentAccessVersion.class.getPackage().getImplementationVersion();
    return Map.of("agent-access-version", version == null ? "development" : version);
  }
}
