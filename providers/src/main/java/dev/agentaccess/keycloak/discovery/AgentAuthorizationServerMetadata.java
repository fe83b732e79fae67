package dev.agentaccess.keycloak.discovery;

import dev.agentaccess.keycloak.common.AgentAccessRealm;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

/**
 * RFC 8414 / OIDC discovery metadata for agent realms: Keycloak's own document, with what MCP
 * clients must see changed.
 *
 * <p>We take the document from Keycloak's built-in provider (so admin overrides of that provider
 * keep working) and only change what agents read: PKCE {@code S256} only (never {@code plain}), and
 * public clients ({@code none}) among the token endpoint auth methods. Realms without agent access
 * get Keycloak's document untouched.
 */
final class AgentAuthorizationServerMetadata implements WellKnownProvider {

  static final List<String> AGENT_PKCE_METHODS = List.of(OAuth2Constants.PKCE_METHOD_S256);
  static final String PUBLIC_CLIENT_AUTH_METHOD = "none";

  private final KeycloakSession session;
  private final String keycloakProviderId;

  AgentAuthorizationServerMetadata(KeycloakSession session, String keycloakProviderId) {
    this.session = session;
    this.keycloakProviderId = keycloakProviderId;
  }

  @Override
  public Object getConfig() {
    Object metadata = session.getProvider(WellKnownProvider.class, keycloakProviderId).getConfig();
    RealmModel realm = session.getContext().getRealm();
    if (metadata instanceof OIDCConfigurationRepresentation oidc
        && AgentAccessRealm.isEnabled(realm)) {
      oidc.setCodeChallengeMethodsSupported(AGENT_PKCE_METHODS);
      oidc.setAuthorizationResponseIssParameterSupported(true);
      oidc.setTokenEndpointAuthMethodsSupported(withPublicClients(oidc));
    }
    return metadata;
  }

  /** Agents are public clients: say that {@code none} works (RFC 7591 §2). */
  private static List<String> withPublicClients(OIDCConfigurationRepresentation oidc) {
    List<String> methods = new ArrayList<>();
    methods.add(PUBLIC_CLIENT_AUTH_METHOD);
    if (oidc.getTokenEndpointAuthMethodsSupported() != null) {
      oidc.getTokenEndpointAuthMethodsSupported().stream()
          .filter(method -> !PUBLIC_CLIENT_AUTH_METHOD.equals(method))
          .forEach(methods::add);
    }
    return methods;
  }

  @Override
  public void close() {}
}
