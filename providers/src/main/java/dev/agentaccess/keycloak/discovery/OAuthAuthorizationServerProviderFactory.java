package dev.agentaccess.keycloak.discovery;

/** {@code oauth-authorization-server}: RFC 8414 metadata, the URL MCP clients try first. */
public final class OAuthAuthorizationServerProviderFactory extends AgentDiscoveryProviderFactory {
  @Override
  String keycloakAlias() {
    return "oauth-authorization-server";
  }
}
