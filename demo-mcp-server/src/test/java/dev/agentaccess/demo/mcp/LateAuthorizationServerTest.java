package dev.agentaccess.demo.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Keycloak often finishes starting after this server; the server must neither need it at start-up
 * nor treat its absence as the client's fault.
 */
class LateAuthorizationServerTest {

  @Test
  void startsWithoutIssuerAndFetchesKeysOnFirstToken() throws Exception {
    int issuerPort = DemoMcpServerTest.freePort();
    DemoServerConfig config =
        DemoServerConfig.forLocalhost(
            DemoMcpServerTest.freePort(), FakeIssuer.issuerFor(issuerPort));

    try (DemoMcpServer server = DemoMcpServer.start(config)) {
      McpHttpClient client = new McpHttpClient(URI.create(config.resourceUri()));
      String tokenFromNowhere;
      try (FakeIssuer keyHolder = FakeIssuer.start(0)) {
        // Any well-formed token: the point is that its keys cannot be fetched yet.
        tokenFromNowhere = DemoMcpServerTest.token(keyHolder, config, "read:analytics-data");
      }

      HttpResponse<String> whileDown =
          client.send(
              client.post(McpHttpClient.initializeRequest(), tokenFromNowhere, null).build());

      assertThat(whileDown.statusCode()).isEqualTo(503);
      assertThat(whileDown.headers().firstValue("WWW-Authenticate")).isEmpty();

      try (FakeIssuer issuer = FakeIssuer.start(issuerPort)) {
        assertThat(issuer.jwksRequests()).isZero();
        String token = DemoMcpServerTest.token(issuer, config, "read:analytics-data");

        McpHttpClient.Reply init = client.call(McpHttpClient.initializeRequest(), token, null);

        assertThat(init.status()).isEqualTo(200);
        assertThat(issuer.jwksRequests()).isEqualTo(1);
      }
    }
  }

  @Test
  void twoServersRunSideBySideInOneJvm() throws Exception {
    try (FakeIssuer issuer = FakeIssuer.start(0);
        DemoMcpServer first =
            DemoMcpServer.start(
                DemoServerConfig.forLocalhost(DemoMcpServerTest.freePort(), issuer.issuer()));
        DemoMcpServer second =
            DemoMcpServer.start(
                DemoServerConfig.forLocalhost(DemoMcpServerTest.freePort(), issuer.issuer()))) {
      // A token for the first server's audience must not open the second.
      String token = DemoMcpServerTest.token(issuer, first.config(), "read:analytics-data");

      McpHttpClient toFirst = new McpHttpClient(URI.create(first.config().resourceUri()));
      McpHttpClient toSecond = new McpHttpClient(URI.create(second.config().resourceUri()));

      assertThat(toFirst.call(McpHttpClient.initializeRequest(), token, null).status())
          .isEqualTo(200);
      assertThat(toSecond.call(McpHttpClient.initializeRequest(), token, null).status())
          .isEqualTo(401);
    }
  }
}
