package dev.agentaccess.keycloak.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

class AgentClientShapeTest {

  private static final List<String> MCP_SCOPES =
      List.of("write:customer-events", "read:analytics-data");

  private static ClientRepresentation sdkStyleAgent() {
    ClientRepresentation client = new ClientRepresentation();
    client.setName("Claude Code");
    client.setRedirectUris(List.of("http://localhost:53117/callback"));
    client.setPublicClient(true);
    client.setClientAuthenticatorType("none");
    client.setOptionalClientScopes(List.of("openid"));
    client.setAttributes(new HashMap<>(Map.of("use.refresh.tokens", "true")));
    return client;
  }

  @Test
  void shapesEveryAdmittedClientIntoAnAgent() throws Exception {
    ClientRepresentation client = sdkStyleAgent();

    AgentClientShape.apply(client, MCP_SCOPES);

    assertThat(client.getAttributes())
        .containsEntry("agent-access.agent", "true")
        .containsEntry("agent-access.registration-type", "dcr")
        .containsEntry("pkce.code.challenge.method", "S256")
        .containsEntry("use.refresh.tokens", "true");
    assertThat(client.isConsentRequired()).isTrue();
    assertThat(client.isFullScopeAllowed()).isFalse();
    assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
    assertThat(client.isServiceAccountsEnabled()).isFalse();
    assertThat(client.isImplicitFlowEnabled()).isFalse();
    assertThat(client.getDefaultClientScopes()).containsExactly("basic");
    assertThat(client.getOptionalClientScopes())
        .containsExactly("read:analytics-data", "write:customer-events");
  }

  @Test
  void anAgentCannotDressItselfUpOrWidenWhatItMayDo() throws Exception {
    ClientRepresentation client = sdkStyleAgent();
    client.getAttributes().put("agent-access.registration-type", "admin");
    client.getAttributes().put("agent-access.mcp-server", "true");
    client.getAttributes().put("access.token.lifespan", "31536000");
    client.getAttributes().put("oauth2.device.authorization.grant.enabled", "true");
    client.getAttributes().put("standard.token.exchange.enabled", "true");
    client.setProtocolMappers(List.of(new ProtocolMapperRepresentation()));
    client.setAuthenticationFlowBindingOverrides(Map.of("browser", "some-flow-without-consent"));
    client.setAdminUrl("http://10.0.0.1/admin");
    client.setServiceAccountsEnabled(true);

    AgentClientShape.apply(client, MCP_SCOPES);

    assertThat(client.getAttributes())
        .containsEntry("agent-access.registration-type", "dcr")
        .doesNotContainKeys(
            "agent-access.mcp-server",
            "access.token.lifespan",
            "oauth2.device.authorization.grant.enabled",
            "standard.token.exchange.enabled");
    assertThat(client.getProtocolMappers()).isNull();
    assertThat(client.getAuthenticationFlowBindingOverrides()).isNull();
    assertThat(client.getAdminUrl()).isNull();
    assertThat(client.isServiceAccountsEnabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jwks.url",
        "request.uris",
        "sectorIdentifierUri",
        "backchannel.logout.url",
        "frontchannel.logout.url",
        "ciba.backchannel.client.notification.endpoint"
      })
  void refusesMetadataThatMakesKeycloakFetchAUrl(String attribute) {
    ClientRepresentation client = sdkStyleAgent();
    client.getAttributes().put(attribute, "http://127.0.0.1:9999/internal");

    assertThatThrownBy(() -> AgentClientShape.apply(client, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_client_metadata");
              assertThat(e.getMessage())
                  .contains(AgentClientShape.FETCHED_URL_ATTRIBUTES.get(attribute));
            });
  }

  @Test
  void refusesBadRedirectAndPostLogoutRedirectUris() {
    ClientRepresentation badRedirect = sdkStyleAgent();
    badRedirect.setRedirectUris(List.of("http://evil.example/cb"));
    assertThatThrownBy(() -> AgentClientShape.apply(badRedirect, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> assertThat(e.error()).isEqualTo("invalid_redirect_uri"));

    ClientRepresentation badPostLogout = sdkStyleAgent();
    badPostLogout
        .getAttributes()
        .put("post.logout.redirect.uris", "http://localhost:1/out##http://evil.example/out");
    assertThatThrownBy(() -> AgentClientShape.apply(badPostLogout, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_redirect_uri");
              assertThat(e.getMessage()).contains("post_logout_redirect_uris");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"client-jwt", "client-secret-jwt", "client-x509"})
  void refusesClientAuthenticationThatNeedsKeysOrCertificates(String authenticator) {
    ClientRepresentation client = sdkStyleAgent();
    client.setPublicClient(false);
    client.setClientAuthenticatorType(authenticator);

    assertThatThrownBy(() -> AgentClientShape.apply(client, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> assertThat(e.error()).isEqualTo("invalid_client_metadata"));
  }

  @Test
  void refusesNamesAndUrisKeycloakCannotStore() {
    ClientRepresentation longName = sdkStyleAgent();
    longName.setName("A".repeat(256));
    assertThatThrownBy(() -> AgentClientShape.apply(longName, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> assertThat(e.error()).isEqualTo("invalid_client_metadata"));

    ClientRepresentation longRedirect = sdkStyleAgent();
    longRedirect.setRedirectUris(List.of("http://localhost:1/" + "a".repeat(300)));
    assertThatThrownBy(() -> AgentClientShape.apply(longRedirect, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> assertThat(e.error()).isEqualTo("invalid_redirect_uri"));
  }

  @Test
  void stripsCharactersThatMakeANameReadAsSomethingElse() throws Exception {
    ClientRepresentation client = sdkStyleAgent();
    client.setName("Official Agent \u202Emoc.tfosorcim\u202C\u200B\u0007");

    AgentClientShape.apply(client, MCP_SCOPES);

    assertThat(client.getName()).isEqualTo("Official Agent moc.tfosorcim");
  }

  @Test
  void dropsAgentChosenLogosThatBrowsersWouldFetch() throws Exception {
    ClientRepresentation client = sdkStyleAgent();
    client.getAttributes().put("logoUri", "http://127.0.0.1:9999/pixel.png");
    client.getAttributes().put("policyUri", "https://agent.example/privacy");

    AgentClientShape.apply(client, MCP_SCOPES);

    assertThat(client.getAttributes())
        .doesNotContainKey("logoUri")
        .containsEntry("policyUri", "https://agent.example/privacy");
  }

  @Test
  void refusesMoreRedirectUrisThanAnyClientNeeds() {
    ClientRepresentation client = sdkStyleAgent();
    client.setRedirectUris(
        java.util.stream.IntStream.range(0, 21)
            .mapToObj(i -> "http://127.0.0.1:" + (4000 + i) + "/cb")
            .toList());

    assertThatThrownBy(() -> AgentClientShape.apply(client, MCP_SCOPES))
        .isInstanceOfSatisfying(
            AgentMetadataException.class,
            e -> assertThat(e.error()).isEqualTo("invalid_redirect_uri"));
  }
}
