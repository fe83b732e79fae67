package dev.agentaccess.demo.mcp;

import static dev.agentaccess.demo.mcp.McpHttpClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives a real in-process server over HTTP, with tokens from a fake Keycloak realm. */
class DemoMcpServerTest {

  private static final String READ = "read:analytics-data";
  private static final String WRITE = "write:customer-events";

  private static FakeIssuer issuer;
  private static DemoMcpServer server;
  private static DemoServerConfig config;
  private static McpHttpClient client;

  @BeforeAll
  static void startServers() throws Exception {
    issuer = FakeIssuer.start(0);
    config = DemoServerConfig.forLocalhost(freePort(), issuer.issuer());
    server = DemoMcpServer.start(config);
    client = new McpHttpClient(URI.create(config.resourceUri()));
  }

  @AfterAll
  static void stopServers() {
    if (server != null) {
      server.close();
    }
    if (issuer != null) {
      issuer.close();
    }
  }

  @Test
  void listensOnConfiguredPort() {
    assertThat(server.port()).isEqualTo(config.port());
  }

  @Test
  void requestWithoutTokenIsChallengedWithResourceMetadataLocation() throws Exception {
    HttpResponse<String> response =
        client.send(client.post(McpHttpClient.initializeRequest(), null, null).build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains(
            "Bearer resource_metadata=\"http://localhost:"
                + config.port()
                + "/.well-known/oauth-protected-resource/mcp\", scope=\"read:analytics-data\"");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(McpHttpClient.JSON.readTree(response.body()).path("error").asText())
        .isEqualTo("invalid_token");
  }

  @Test
  void nonBearerAuthorizationIsTreatedAsMissingToken() throws Exception {
    HttpResponse<String> response =
        client.send(
            client
                .post(McpHttpClient.initializeRequest(), null, null)
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0")
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer resource_metadata=");
  }

  @Test
  void servesProtectedResourceMetadataAtBothWellKnownLocations() throws Exception {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
      HttpResponse<String> response = get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/json");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      JsonNode metadata = McpHttpClient.JSON.readTree(response.body());
      assertThat(metadata.path("resource").asText())
          .isEqualTo("http://localhost:" + config.port() + "/mcp");
      assertThat(metadata.path("authorization_servers"))
          .extracting(JsonNode::asText)
          .containsExactly(issuer.issuer());
      assertThat(metadata.path("scopes_supported"))
          .extracting(JsonNode::asText)
          .containsExactly(READ, WRITE);
      assertThat(metadata.path("bearer_methods_supported"))
          .extracting(JsonNode::asText)
          .containsExactly("header");
      assertThat(metadata.path("resource_name").asText()).isEqualTo("Saasalytics analytics (demo)");
    }
  }

  @Test
  void doesNotDescribeOtherResources() throws Exception {
    assertThat(get("/.well-known/oauth-protected-resource/other").statusCode()).isEqualTo(404);
  }

  @Test
  void answersCorsPreflightWithoutToken() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(config.resourceUri()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:6274")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .contains(
            "authorization, content-type, mcp-protocol-version, mcp-session-id, last-event-id");
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
        .contains("www-authenticate, mcp-session-id");
  }

  @Test
  void rejectsTokenForAnotherAudience() throws Exception {
    String token = issuer.sign(issuer.validClaims(config, READ).audience("account").build());

    assertInvalidToken(token, "aud");
  }

  @Test
  void acceptsAudienceListContainingThisResource() throws Exception {
    String token =
        issuer.sign(
            issuer
                .validClaims(config, READ)
                .audience(List.of("account", config.resourceUri()))
                .build());

    assertThat(client.call(McpHttpClient.initializeRequest(), token, null).status()).isEqualTo(200);
  }

  @Test
  void rejectsTokenFromAnotherIssuer() throws Exception {
    String token =
        issuer.sign(
            issuer
                .validClaims(config, READ)
                .issuer("http://localhost:8080/realms/someone-else")
                .build());

    assertInvalidToken(token, "iss");
  }

  @Test
  void rejectsExpiredToken() throws Exception {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    String token =
        issuer.sign(
            issuer
                .validClaims(config, READ)
                .issueTime(Date.from(past.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(past))
                .build());

    assertInvalidToken(token, "Expired");
  }

  @Test
  void rejectsTokenSignedWithAnotherKey() throws Exception {
    // Same key id as the published key, different key material: only the signature can tell.
    String token = FakeIssuer.sign(issuer.validClaims(config, READ).build(), FakeIssuer.newKey());

    assertInvalidToken(token, "signature");
  }

  @Test
  void rejectsGarbageToken() throws Exception {
    assertInvalidToken("not-a-jwt", "JWT");
  }

  @Test
  void readOnlyTokenCannotCallWriteToolAndIsToldWhichScopeToRequest() throws Exception {
    String token = issuer.sign(issuer.validClaims(config, READ).build());

    HttpResponse<String> response =
        client.send(
            client
                .post(toolCall(2, "record_customer_event", "{\"event\":\"signup\"}"), token, null)
                .build());

    assertThat(response.statusCode()).isEqualTo(403);
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge)
        .startsWith("Bearer error=\"insufficient_scope\"")
        .contains("scope=\"write:customer-events\"")
        .contains("resource_metadata=\"" + config.resourceMetadataUrl() + "\"")
        .contains("error_description=\"");
    assertThat(McpHttpClient.JSON.readTree(response.body()).path("error").asText())
        .isEqualTo("insufficient_scope");
  }

  @Test
  void checksEveryElementOfABatch() throws Exception {
    String token = issuer.sign(issuer.validClaims(config, READ).build());
    String batch =
        "["
            + toolCall(3, "get_analytics_report", "{}")
            + ","
            + toolCall(4, "record_customer_event", "{\"event\":\"signup\"}")
            + "]";

    HttpResponse<String> response = client.send(client.post(batch, token, null).build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("scope=\"write:customer-events\"");
  }

  @Test
  void validReadTokenGetsAnalyticsReportOverMcpSession() throws Exception {
    String token = issuer.sign(issuer.validClaims(config, READ).build());
    McpHttpClient.Reply init = client.call(McpHttpClient.initializeRequest(), token, null);

    assertThat(init.status()).isEqualTo(200);
    assertThat(init.body().path("result").path("serverInfo").path("name").asText())
        .isEqualTo("saasalytics-analytics");
    String sessionId = init.header("Mcp-Session-Id").orElseThrow();

    McpHttpClient.Reply report =
        client.call(toolCall(5, "get_analytics_report", "{}"), token, sessionId);

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().path("id").asInt()).isEqualTo(5);
    JsonNode result = report.body().path("result");
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.path("content").get(0).path("text").asText())
        .isEqualTo("Saasalytics report for alice: active_users=1342 (last 7 days)");
  }

  @Test
  void listsBothToolsWithTheirInputSchemas() throws Exception {
    String token = issuer.sign(issuer.validClaims(config, READ).build());
    String sessionId = client.openSession(token);

    McpHttpClient.Reply tools =
        client.call("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}", token, sessionId);

    JsonNode list = tools.body().path("result").path("tools");
    assertThat(list)
        .extracting(t -> t.path("name").asText())
        .containsExactlyInAnyOrder("get_analytics_report", "record_customer_event");
    for (JsonNode tool : list) {
      if (tool.path("name").asText().equals("record_customer_event")) {
        assertThat(tool.path("inputSchema").path("required"))
            .extracting(JsonNode::asText)
            .containsExactly("event");
      }
    }
  }

  @Test
  void writeTokenRecordsEventForSubjectWithoutUsername() throws Exception {
    JWTClaimsSet claims =
        issuer.validClaims(config, READ + " " + WRITE).claim("preferred_username", null).build();
    String token = issuer.sign(claims);
    String sessionId = client.openSession(token);

    McpHttpClient.Reply reply =
        client.call(
            toolCall(7, "record_customer_event", "{\"event\":\"signup\"}"), token, sessionId);

    assertThat(reply.body().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("Recorded customer event 'signup' for " + claims.getSubject());
  }

  @Test
  void everyRequestInASessionNeedsItsOwnValidToken() throws Exception {
    String token = issuer.sign(issuer.validClaims(config, READ).build());
    String sessionId = client.openSession(token);

    HttpResponse<String> response =
        client.send(
            client.post(toolCall(8, "get_analytics_report", "{}"), null, sessionId).build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private void assertInvalidToken(String token, String expectedInDescription) throws Exception {
    HttpResponse<String> response =
        client.send(client.post(McpHttpClient.initializeRequest(), token, null).build());

    assertThat(response.statusCode()).isEqualTo(401);
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge)
        .startsWith("Bearer error=\"invalid_token\"")
        .contains("error_description=\"")
        .contains("resource_metadata=\"" + config.resourceMetadataUrl() + "\"");
    assertThat(challenge).containsIgnoringCase(expectedInDescription);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + config.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String token(FakeIssuer issuer, DemoServerConfig config, String scope)
      throws JOSEException {
    return issuer.sign(issuer.validClaims(config, scope).build());
  }
}
