package dev.agentaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The jar dropped into providers/ is what the running server loaded. */
@ExtendWith(AgentAccessEnvironment.class)
class ServerInfoTest {

  @Test
  void everyProviderIsRegisteredAndReportsTheJarVersion() throws Exception {
    String base = AgentAccessEnvironment.keycloak().baseUrl();
    String adminToken =
        OAuthHttp.json(
                OAuthHttp.postForm(
                    base + "/realms/master/protocol/openid-connect/token",
                    Map.of(
                        "grant_type", "password",
                        "client_id", "admin-cli",
                        "username", "admin",
                        "password", "admin")))
            .path("access_token")
            .asText();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/admin/serverinfo"))
                    .header("Authorization", "Bearer " + adminToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode providers = OAuthHttp.json(response).path("providers");

    assertThat(
            providers
                .path("authenticator")
                .path("providers")
                .path("agent-consent")
                .path("operationalInfo")
                .path("agent-access-version")
                .asText())
        .isEqualTo(System.getProperty("agent-access.version"));
    assertThat(
            providers
                .path("client-registration-policy")
                .path("providers")
                .has("agent-registration"))
        .isTrue();
    assertThat(
            providers
                .path("client-policy-executor")
                .path("providers")
                .has("agent-resource-indicator"))
        .isTrue();
    assertThat(providers.path("client-policy-condition").path("providers").has("agent-client"))
        .isTrue();
    assertThat(providers.path("token-interceptor").path("providers").has("agent-audience"))
        .isTrue();
    assertThat(providers.path("eventsListener").path("providers").has("agent-audit")).isTrue();
    assertThat(
            providers
                .path("well-known")
                .path("providers")
                .has("agent-access-oauth-authorization-server"))
        .isTrue();
  }
}
