package dev.agentaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8414 discovery and RFC 7591 registration, as an agent meets them. */
@ExtendWith(AgentAccessEnvironment.class)
class DiscoveryAndRegistrationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/.well-known/oauth-authorization-server/realms/saasalytics",
        "/.well-known/openid-configuration/realms/saasalytics",
        "/realms/saasalytics/.well-known/openid-configuration",
        "/realms/saasalytics/.well-known/oauth-authorization-server"
      })
  void everyDiscoveryUrlAnAgentTriesOffersS256OnlyAndOpenRegistration(String path)
      throws Exception {
    HttpResponse<String> response =
        OAuthHttp.get(AgentAccessEnvironment.keycloak().baseUrl() + path);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode metadata = OAuthHttp.json(response);
    assertThat(metadata.path("issuer").asText()).isEqualTo(AgentAccessEnvironment.issuer());
    assertThat(metadata.path("code_challenge_methods_supported").toString())
        .isEqualTo("[\"S256\"]");
    assertThat(metadata.path("registration_endpoint").asText())
        .isEqualTo(AgentAccessEnvironment.issuer() + "/clients-registrations/openid-connect");
    assertThat(metadata.path("authorization_response_iss_parameter_supported").asBoolean())
        .isTrue();
    assertThat(metadata.path("token_endpoint_auth_methods_supported").toString())
        .contains("\"none\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"scope\": \"read:analytics-data write:customer-events\",",
        "\"scope\": \"openid\",",
        "\"scope\": \"openid profile email offline_access\",",
        ""
      })
  void anAgentRegistersAnonymouslyAsTheMcpSdkDoesWhateverScopeItAsksFor(String scopeMember)
      throws Exception {
    HttpResponse<String> response =
        OAuthHttp.postJson(
            AgentAccessEnvironment.issuer() + "/clients-registrations/openid-connect",
            """
            {"client_name": "SDK-style agent", "redirect_uris": ["http://localhost:53117/callback"],
             "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"],
             %s "token_endpoint_auth_method": "none"}
            """
                .formatted(scopeMember));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode client = OAuthHttp.json(response);
    assertThat(client.path("client_id").asText()).isNotBlank();
    assertThat(client.path("token_endpoint_auth_method").asText()).isEqualTo("none");
    assertThat(client.path("registration_access_token").asText()).isNotBlank();
    // Whatever it asked for, an agent may ask for exactly the MCP servers' scopes later.
    assertThat(client.path("scope").asText().split(" "))
        .containsExactlyInAnyOrder(
            "read:analytics-data",
            "write:customer-events",
            "export:customer-data",
            "read:invoices");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example/cb",
        "javascript:alert(1)",
        "https://*.example.com/cb",
        "https://app.example.com/cb#fragment"
      })
  void aRedirectUriThatIsNeitherLoopbackNorHttpsIsRefused(String redirectUri) throws Exception {
    HttpResponse<String> response =
        OAuthHttp.postJson(
            AgentAccessEnvironment.issuer() + "/clients-registrations/openid-connect",
            """
            {"client_name": "Bad agent", "redirect_uris": ["%s"],
             "token_endpoint_auth_method": "none"}
            """
                .formatted(redirectUri));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = OAuthHttp.json(response);
    assertThat(error.path("error").asText()).isEqualTo("invalid_redirect_uri");
    assertThat(error.path("error_description").asText()).contains(redirectUri);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    AgentAccessEnvironment.auditLog()
        .await(
            "agent.registration_refused",
            r -> "invalid_redirect_uri".equals(r.path("error").asText()));
  }

  @Test
  void aBrowserBasedAgentMayRegisterFromItsOwnLoopbackOrHttpsOrigin() throws Exception {
    String body =
        """
        {"client_name": "MCP Inspector", "redirect_uris": ["http://localhost:6274/oauth/callback"],
         "token_endpoint_auth_method": "none"}
        """;
    HttpResponse<String> inspector = postWithOrigin(body, "http://localhost:6274");
    assertThat(inspector.statusCode()).as(inspector.body()).isEqualTo(201);
    assertThat(inspector.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:6274");

    HttpResponse<String> plainHttpSite = postWithOrigin(body, "http://evil.example");
    assertThat(plainHttpSite.statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> postWithOrigin(String json, String origin) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(OAuthHttp.registrationEndpoint()))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
