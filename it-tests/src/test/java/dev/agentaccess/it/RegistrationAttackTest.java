package dev.agentaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registration requests an attacker sends: each is refused with an RFC 7591 error, nothing else.
 */
@ExtendWith(AgentAccessEnvironment.class)
class RegistrationAttackTest {

  @Test
  void keycloaksRawClientEndpointIsClosedToAnonymousRegistrants() throws Exception {
    HttpResponse<String> response =
        OAuthHttp.postJson(
            AgentAccessEnvironment.issuer() + "/clients-registrations/default",
            """
            {"clientId": "https://attacker.example/mcp", "name": "Saasalytics analytics",
             "redirectUris": ["http://127.0.0.1:7777/cb"], "publicClient": true,
             "attributes": {"agent-access.registration-type": "admin",
                            "agent-access.mcp-server": "true"}}
            """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(OAuthHttp.json(response).path("error").asText())
        .isEqualTo("invalid_client_metadata");
    assertThat(
            OAuthHttp.get(
                    AgentAccessEnvironment.issuer()
                        + "/protocol/openid-connect/auth?client_id="
                        + OAuthHttp.encode("https://attacker.example/mcp")
                        + "&response_type=code&redirect_uri="
                        + OAuthHttp.encode("http://127.0.0.1:7777/cb"))
                .body())
        .as("no such client was created")
        .contains("Client not found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"jwks_uri\": \"%s\", \"token_endpoint_auth_method\": \"private_key_jwt\"",
        "\"subject_type\": \"pairwise\", \"sector_identifier_uri\": \"%s\"",
        "\"request_uris\": [\"%s\"]",
        "\"backchannel_logout_uri\": \"%s\"",
        "\"token_endpoint_auth_method\": \"none\", \"frontchannel_logout_uri\": \"%s\""
      })
  void metadataThatWouldMakeKeycloakFetchAUrlIsRefusedWithoutFetching(String member)
      throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          fetches.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    internal.start();
    try {
      String url = "http://127.0.0.1:" + internal.getAddress().getPort() + "/internal";
      HttpResponse<String> response =
          OAuthHttp.postJson(
              OAuthHttp.registrationEndpoint(),
              "{\"client_name\": \"SSRF probe\", \"redirect_uris\": [\"http://127.0.0.1:5555/cb\"], "
                  + member.formatted(url)
                  + "}");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      JsonNode error = OAuthHttp.json(response);
      assertThat(error.path("error").asText()).isEqualTo("invalid_client_metadata");
      assertThat(error.path("error_description").asText()).contains("not accepted from agents");
      assertThat(fetches).hasValue(0);
    } finally {
      internal.stop(0);
    }
  }

  @Test
  void aPostLogoutRedirectToAnyHostIsRefused() throws Exception {
    HttpResponse<String> response =
        OAuthHttp.postJson(
            OAuthHttp.registrationEndpoint(),
            """
            {"client_name": "Open redirect", "redirect_uris": ["http://127.0.0.1:5555/cb"],
             "post_logout_redirect_uris": ["http://evil.example/out"],
             "token_endpoint_auth_method": "none"}
            """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(OAuthHttp.json(response).path("error").asText()).isEqualTo("invalid_redirect_uri");
    assertThat(OAuthHttp.json(response).path("error_description").asText())
        .contains("post_logout_redirect_uris");
  }

  @Test
  void aNameKeycloakCannotStoreIsAClientMetadataErrorNotAServerError() throws Exception {
    HttpResponse<String> response =
        OAuthHttp.postJson(
            OAuthHttp.registrationEndpoint(),
            """
            {"client_name": "%s", "redirect_uris": ["http://127.0.0.1:5555/cb"],
             "token_endpoint_auth_method": "none"}
            """
                .formatted("B".repeat(300)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(OAuthHttp.json(response).path("error").asText())
        .isEqualTo("invalid_client_metadata");
  }

  @Test
  void grantsThatSkipThePersonAreNotGivenToAgents() throws Exception {
    HttpResponse<String> response =
        OAuthHttp.postJson(
            OAuthHttp.registrationEndpoint(),
            """
            {"client_name": "Greedy agent", "redirect_uris": ["http://127.0.0.1:5555/cb"],
             "token_endpoint_auth_method": "none",
             "grant_types": ["authorization_code", "refresh_token", "password",
                             "urn:ietf:params:oauth:grant-type:device_code",
                             "urn:openid:params:grant-type:ciba", "client_credentials"]}
            """);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(OAuthHttp.json(response).path("grant_types").toString())
        .contains("authorization_code")
        .doesNotContain("password")
        .doesNotContain("device_code")
        .doesNotContain("ciba")
        .doesNotContain("client_credentials");
  }
}
