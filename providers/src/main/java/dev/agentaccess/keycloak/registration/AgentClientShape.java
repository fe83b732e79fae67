package dev.agentaccess.keycloak.registration;

import dev.agentaccess.keycloak.common.AgentClients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.OAuth2Constants;
import org.keycloak.protocol.oidc.OIDCLoginProtocolFactory;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * What an agent may register, and the shape every agent client gets, applied to the {@link
 * ClientRepresentation} Keycloak built from the RFC 7591 request before it is stored.
 *
 * <p>Anything an agent supplies is untrusted: it could point Keycloak at internal hosts (Keycloak
 * fetches {@code jwks_uri}, {@code sector_identifier_uri}, {@code request_uris}, logout URIs), ask
 * for grants that skip the person ({@code device_code}, CIBA, token exchange), or dress itself up
 * with our own {@code agent-access.*} attributes, or spoof its name with bidirectional-text
 * controls. So metadata that makes Keycloak fetch a URL is refused with {@code
 * invalid_client_metadata}; other attributes are kept only if they are on a short list of harmless
 * ones; everything that decides what the agent can do is set here, not taken from the request. Pure
 * logic on Keycloak's representation class, unit-tested.
 */
final class AgentClientShape {

  /** Keycloak's database column for client names and redirect URIs holds 255 characters. */
  static final int MAX_LENGTH = 255;

  /**
   * Characters that change how the text around them is displayed (bidirectional overrides and
   * isolates, zero-width marks) or are not text at all (controls). In a name shown to a person they
   * only serve to make it read as something else ("moc.tfosorcim" shown as "microsoft.com").
   */
  private static final java.util.regex.Pattern DECEPTIVE_CHARACTERS =
      java.util.regex.Pattern.compile(
          "[\\p{Cc}\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u061C\\uFEFF]");

  /** Client authenticators an agent may use: public with PKCE, or a client secret. */
  static final Set<String> ALLOWED_AUTHENTICATORS = Set.of("none", "client-secret");

  /**
   * Attributes (Keycloak's names) that make Keycloak call a URL the agent chose, and their metadata
   * names.
   */
  static final Map<String, String> FETCHED_URL_ATTRIBUTES =
      Map.of(
          "jwks.url", "jwks_uri",
          "request.uris", "request_uris",
          "sectorIdentifierUri", "sector_identifier_uri",
          "backchannel.logout.url", "backchannel_logout_uri",
          "frontchannel.logout.url", "frontchannel_logout_uri",
          "ciba.backchannel.client.notification.endpoint",
              "backchannel_client_notification_endpoint");

  /** Attributes an agent's registration may set; all others are dropped. */
  static final Set<String> KEPT_ATTRIBUTES =
      Set.of(
          "post.logout.redirect.uris",
          "policyUri",
          "tosUri",
          "use.refresh.tokens",
          "backchannel.logout.session.required",
          "backchannel.logout.revoke.offline.tokens",
          "frontchannel.logout.session.required");

  private static final String POST_LOGOUT_REDIRECT_URIS = "post.logout.redirect.uris";

  private AgentClientShape() {}

  /**
   * Refuses what an agent may not register and shapes the rest into an agent.
   *
   * @param mcpScopes the scopes of the realm's MCP servers: the agent's optional scopes
   * @throws AgentMetadataException with the RFC 7591 error to answer
   */
  static void apply(ClientRepresentation client, Collection<String> mcpScopes)
      throws AgentMetadataException {
    refuseBadRedirectUris(client);
    refuseFetchedUrls(client.getAttributes());
    refuseClientAuthentication(client.getClientAuthenticatorType());
    if (client.getName() != null) {
      client.setName(DECEPTIVE_CHARACTERS.matcher(client.getName()).replaceAll("").strip());
    }
    if (client.getName() != null && client.getName().length() > MAX_LENGTH) {
      throw new AgentMetadataException(
          AgentMetadataException.INVALID_CLIENT_METADATA,
          "client_name is longer than " + MAX_LENGTH + " characters");
    }
    if (client.getBaseUrl() != null && client.getBaseUrl().length() > MAX_LENGTH) {
      throw new AgentMetadataException(
          AgentMetadataException.INVALID_CLIENT_METADATA,
          "client_uri is longer than " + MAX_LENGTH + " characters");
    }

    client.setRedirectUris(RedirectUriRules.withAnyLoopbackPort(client.getRedirectUris()));

    Map<String, String> attributes = new HashMap<>();
    if (client.getAttributes() != null) {
      client
          .getAttributes()
          .forEach(
              (key, value) -> {
                if (KEPT_ATTRIBUTES.contains(key)) {
                  attributes.put(key, value);
                }
              });
    }
    attributes.put(AgentClients.AGENT_ATTRIBUTE, "true");
    attributes.put(AgentClients.REGISTRATION_TYPE_ATTRIBUTE, AgentClients.REGISTRATION_TYPE_DCR);
    attributes.put(AgentClients.PKCE_METHOD_ATTRIBUTE, OAuth2Constants.PKCE_METHOD_S256);
    client.setAttributes(attributes);

    // Only the authorization code flow, with the person's consent, and no way around it.
    client.setStandardFlowEnabled(true);
    client.setImplicitFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(false);
    client.setServiceAccountsEnabled(false);
    client.setAuthorizationServicesEnabled(false);
    client.setBearerOnly(false);
    client.setConsentRequired(true);
    client.setFullScopeAllowed(false);
    client.setFrontchannelLogout(false);
    client.setAdminUrl(null);
    client.setProtocolMappers(null);
    client.setDefaultRoles(null);
    client.setAuthenticationFlowBindingOverrides(null);
    client.setDefaultClientScopes(List.of(OIDCLoginProtocolFactory.BASIC_SCOPE));
    client.setOptionalClientScopes(new ArrayList<>(mcpScopes.stream().sorted().toList()));
  }

  private static void refuseBadRedirectUris(ClientRepresentation client)
      throws AgentMetadataException {
    Optional<String> problem = RedirectUriRules.firstProblem(client.getRedirectUris());
    if (problem.isPresent()) {
      throw new AgentMetadataException(AgentMetadataException.INVALID_REDIRECT_URI, problem.get());
    }
    String postLogout =
        client.getAttributes() == null
            ? null
            : client.getAttributes().get(POST_LOGOUT_REDIRECT_URIS);
    // "+" is Keycloak's "same as the redirect URIs", which are checked above.
    if (postLogout != null && !postLogout.isBlank() && !"+".equals(postLogout)) {
      List<String> uris = Arrays.asList(postLogout.split("##"));
      Optional<String> postLogoutProblem = RedirectUriRules.firstProblem(uris);
      if (postLogoutProblem.isPresent()) {
        throw new AgentMetadataException(
            AgentMetadataException.INVALID_REDIRECT_URI,
            "post_logout_redirect_uris: " + postLogoutProblem.get());
      }
    }
  }

  private static void refuseFetchedUrls(Map<String, String> attributes)
      throws AgentMetadataException {
    if (attributes == null) {
      return;
    }
    for (Map.Entry<String, String> fetched : FETCHED_URL_ATTRIBUTES.entrySet()) {
      String value = attributes.get(fetched.getKey());
      if (value != null && !value.isBlank()) {
        throw new AgentMetadataException(
            AgentMetadataException.INVALID_CLIENT_METADATA,
            fetched.getValue()
                + " is not accepted from agents: it would make the authorization server fetch"
                + " a URL chosen by the registrant");
      }
    }
  }

  private static void refuseClientAuthentication(String authenticator)
      throws AgentMetadataException {
    if (authenticator != null && !ALLOWED_AUTHENTICATORS.contains(authenticator)) {
      throw new AgentMetadataException(
          AgentMetadataException.INVALID_CLIENT_METADATA,
          "token_endpoint_auth_method must be none (public client with PKCE),"
              + " client_secret_basic or client_secret_post");
    }
  }
}
