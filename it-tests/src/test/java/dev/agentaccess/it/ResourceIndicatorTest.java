package dev.agentaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** RFC 8707: the token is bound to the MCP server the person approved, and to nothing else. */
@ExtendWith(AgentAccessEnvironment.class)
class ResourceIndicatorTest {

  @Test
  void anUnknownResourceAtTheAuthorizationEndpointEndsInInvalidTarget() throws Exception {
    try (LoopbackCallback callback = new LoopbackCallback()) {
      String clientId = OAuthHttp.registerAgent(callback.redirectUri());
      String url =
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "read:analytics-data",
              "https://mcp.example.test/mcp",
              OAuthHttp.Pkce.create());

      HttpResponse<String> response = OAuthHttp.get(url);

      assertThat(response.statusCode()).isEqualTo(302);
      Map<String, String> redirect =
          OAuthHttp.queryOf(response.headers().firstValue("Location").orElseThrow());
      assertThat(redirect.get("error")).isEqualTo("invalid_target");
      assertThat(redirect.get("error_description")).contains("https://mcp.example.test/mcp");
      assertThat(redirect.get("state")).isEqualTo("probe-state");
      assertThat(redirect.get("iss")).isEqualTo(AgentAccessEnvironment.issuer());
      assertThat(redirect).doesNotContainKey("code");
    }
  }

  @Test
  void aScopeOfAnotherMcpServerCannotBeAskedForUnderThisResource() throws Exception {
    try (LoopbackCallback callback = new LoopbackCallback()) {
      String clientId = OAuthHttp.registerAgent(callback.redirectUri());
      String url =
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "read:analytics-data read:invoices",
              AgentAccessEnvironment.mcpResource(),
              OAuthHttp.Pkce.create());

      HttpResponse<String> response = OAuthHttp.get(url);

      Map<String, String> redirect =
          OAuthHttp.queryOf(response.headers().firstValue("Location").orElseThrow());
      assertThat(redirect.get("error")).isEqualTo("invalid_scope");
      assertThat(redirect.get("error_description")).contains("read:invoices");
      assertThat(redirect).doesNotContainKey("code");
    }
  }

  @Test
  void theTokenIsBoundToTheApprovedResourceAtTokenAndRefreshRequests() throws Exception {
    try (LoopbackCallback callback = new LoopbackCallback();
        Browser person = new Browser()) {
      String clientId = OAuthHttp.registerAgent(callback.redirectUri());
      String resource = AgentAccessEnvironment.mcpResource();

      // A code for the demo MCP server cannot be spent on another resource.
      OAuthHttp.Pkce first = OAuthHttp.Pkce.create();
      person.open(
          OAuthHttp.authorizationUrl(
              clientId, callback.redirectUri(), "read:analytics-data", resource, first));
      person.logIn("alice", "alice");
      person.click(By.id("agent-consent-approve"));
      String firstCode = callback.await().get("code");
      HttpResponse<String> widened =
          OAuthHttp.exchangeCode(
              clientId, firstCode, callback.redirectUri(), first, "https://mcp.example.test/mcp");
      assertThat(widened.statusCode()).isEqualTo(400);
      assertThat(OAuthHttp.json(widened).path("error").asText()).isEqualTo("invalid_target");
      JsonNode failed =
          AgentAccessEnvironment.auditLog()
              .await("token.failed", r -> clientId.equals(r.path("agent").asText()));
      assertThat(failed.path("error").asText()).isEqualTo("invalid_target");
      assertThat(failed.path("resource").asText()).isEqualTo("https://mcp.example.test/mcp");

      // Consent is remembered: the next authorization goes straight back with a code.
      OAuthHttp.Pkce second = OAuthHttp.Pkce.create();
      person.open(
          OAuthHttp.authorizationUrl(
              clientId, callback.redirectUri(), "read:analytics-data", resource, second));
      String secondCode = callback.await().get("code");
      HttpResponse<String> issued =
          OAuthHttp.exchangeCode(clientId, secondCode, callback.redirectUri(), second, resource);
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
      JsonNode tokens = OAuthHttp.json(issued);
      assertThat(Jwt.claims(tokens.path("access_token").asText()).path("aud").asText())
          .isEqualTo(resource);
      assertThat(tokens.path("scope").asText()).isEqualTo("read:analytics-data");

      String refreshToken = tokens.path("refresh_token").asText();
      HttpResponse<String> refreshed = OAuthHttp.refresh(clientId, refreshToken, null);
      assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
      JsonNode refreshedTokens = OAuthHttp.json(refreshed);
      assertThat(Jwt.claims(refreshedTokens.path("access_token").asText()).path("aud").asText())
          .isEqualTo(resource);

      // Refresh tokens rotate: the one already used cannot be replayed (OAuth 2.1 §4.3.1), and
      // Keycloak's reuse detection then ends that grant.
      HttpResponse<String> replayed = OAuthHttp.refresh(clientId, refreshToken, null);
      assertThat(replayed.statusCode()).isEqualTo(400);
      assertThat(OAuthHttp.json(replayed).path("error").asText()).isEqualTo("invalid_grant");

      // A new grant's refresh token stays bound to the same MCP server.
      OAuthHttp.Pkce third = OAuthHttp.Pkce.create();
      person.open(
          OAuthHttp.authorizationUrl(
              clientId, callback.redirectUri(), "read:analytics-data", resource, third));
      HttpResponse<String> thirdTokens =
          OAuthHttp.exchangeCode(
              clientId, callback.await().get("code"), callback.redirectUri(), third, resource);
      assertThat(thirdTokens.statusCode()).as(thirdTokens.body()).isEqualTo(200);
      HttpResponse<String> otherResource =
          OAuthHttp.refresh(
              clientId,
              OAuthHttp.json(thirdTokens).path("refresh_token").asText(),
              "https://mcp.example.test/mcp");
      assertThat(otherResource.statusCode()).isEqualTo(400);
      assertThat(OAuthHttp.json(otherResource).path("error").asText()).isEqualTo("invalid_target");
    }
  }
}
