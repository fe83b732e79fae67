package dev.agentaccess.keycloak.discovery;

import dev.agentaccess.keycloak.common.AgentAccessRealm;
import java.util.List;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * RFC 8414 / OIDC discovery metadata for agent realms: Keycloak's own document, with what MCP
 * clients must see changed.
 *
 * <p>We take the document from Keycloak's built-in provider (so admin overrides of that provider
 * keep working) and only tighten it: agents may only use PKCE {@code S256}, so we never advertise
 * {@code plain}. Realms without agent access get Keycloak's document untouched.
 */
final class AgentAuthorizationServerMetadata implements WellKnownProvider {

  static final List<String> AGENT_PKCE_METHODS = List.of(OAuth2Constants.PKCE_METHOD_S256);

  private final KeycloakSession session;
  private final String keycloakProviderId;

  AgentAuthorizationServerMetadata(KeycloakSession session, String keycloakProviderId) {
    this.session = session;
    this.keycloakProviderId = keycloakProviderId;
  }

  @Override
  public Object getConfig() {
    Object metadata = session.getProvider(WellKnownProvider.class, keycloakProviderId).getConfig();
    if (metadata instanceof OIDCConfigurationRepresentation oidc
        && AgentAccessRealm.isEnabled(session.getContext().getRealm())) {
      oidc.setCodeChallengeMethodsSupported(AGENT_PKCE_METHODS);
      oidc.setAuthorizationResponseIssParameterSupported(true);
    }
    return metadata;
  }

  @Override
  public void close() {}
}
