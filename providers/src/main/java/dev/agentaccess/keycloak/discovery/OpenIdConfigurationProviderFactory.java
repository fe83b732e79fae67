package dev.agentaccess.keycloak.discovery;

/** {@code openid-configuration}: OIDC discovery, path-appended and path-inserted. */
public final class OpenIdConfigurationProviderFactory extends AgentDiscoveryProviderFactory {
  @Override
  String keycloakAlias() {
    return "openid-configuration";
  }
}
