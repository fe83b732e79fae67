package dev.agentaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The first real agent flow, end to end: the official MCP TypeScript SDK against the demo MCP
 * server and Keycloak with our jar, a person approving (or denying) in Chromium.
 */
@ExtendWith(AgentAccessEnvironment.class)
class RealAgentFlowTest {

  @Test
  void agentCallsTheReadToolWithATokenBoundToTheMcpServerAfterApprove() throws Exception {
    try (RealAgent agent =
            RealAgent.start(AgentAccessEnvironment.mcpResource(), AgentAccessEnvironment.issuer());
        Browser person = new Browser()) {
      String authorizationUrl = agent.awaitAuthorizationUrl();
      assertThat(authorizationUrl)
          .startsWith(AgentAccessEnvironment.issuer() + "/protocol/openid-connect/auth")
          .contains("code_challenge_method=S256")
          .contains("resource=" + urlEncoded(AgentAccessEnvironment.mcpResource()));

      person.open(authorizationUrl);
      person.logIn("alice", "alice");

      // Our consent page, not Keycloak's generic one, and nothing is issued before Approve.
      assertThat(person.text(By.id("agent-consent-agent"))).contains("Agent Access test agent");
      assertThat(person.text(By.id("agent-consent-resource")))
          .contains("Saasalytics analytics")
          .contains(AgentAccessEnvironment.mcpResource());
      assertThat(person.text(By.id("agent-consent-scopes")))
          .contains("Read your analytics reports and dashboards")
          .doesNotContain("Record new customer events");
      assertThat(person.text(By.id("agent-consent-redirect-host"))).isEqualTo("127.0.0.1");
      assertThat(person.text(By.id("agent-consent-localhost-warning"))).contains("this computer");
      person.screenshot("agent-consent");
      person.click(By.id("agent-consent-approve"));

      JsonNode result = agent.awaitResult();
      assertThat(result.path("outcome").asText()).as(agent.output()).isEqualTo("ok");
      assertThat(result.path("iss").asText()).isEqualTo(AgentAccessEnvironment.issuer());
      assertThat(result.path("toolIsError").asBoolean()).isFalse();
      JsonNode token = Jwt.claims(result.path("accessToken").asText());
      // Agents get no profile scope by default, so the MCP server knows the person by subject.
      assertThat(result.path("toolText").asText())
          .isEqualTo(
              "Saasalytics report for "
                  + token.path("sub").asText()
                  + ": active_users=1342 (last 7 days)");

      assertThat(audiences(token)).containsExactly(AgentAccessEnvironment.mcpResource());
      assertThat(token.path("scope").asText()).isEqualTo("read:analytics-data");
      assertThat(token.path("iss").asText()).isEqualTo(AgentAccessEnvironment.issuer());
      assertThat(token.path("azp").asText()).isEqualTo(result.path("clientId").asText());

      // The same read-only token cannot write.
      assertThat(result.path("writeStatus").asInt()).isEqualTo(403);
      assertThat(result.path("writeWwwAuthenticate").asText())
          .contains("error=\"insufficient_scope\"")
          .contains("scope=\"write:customer-events\"");

      String clientId = result.path("clientId").asText();
      AuditLog audit = AgentAccessEnvironment.auditLog();
      JsonNode registered =
          audit.await("agent.registered", r -> clientId.equals(r.path("agent").asText()));
      assertThat(registered.path("agentName").asText()).isEqualTo("Agent Access test agent");
      JsonNode consent =
          audit.await("consent.granted", r -> clientId.equals(r.path("agent").asText()));
      assertThat(consent.path("username").asText()).isEqualTo("alice");
      assertThat(consent.path("resource").asText()).isEqualTo(AgentAccessEnvironment.mcpResource());
      assertThat(consent.path("scopes").toString()).isEqualTo("[\"read:analytics-data\"]");
      JsonNode issued = audit.await("token.issued", r -> clientId.equals(r.path("agent").asText()));
      assertThat(issued.path("resource").asText()).isEqualTo(AgentAccessEnvironment.mcpResource());
      assertThat(issued.path("user").asText()).isEqualTo(token.path("sub").asText());
      assertThat(issued.path("scopes").toString()).contains("read:analytics-data");

      // The person sees the approved agent in the account console (README: "Applications").
      person.open(AgentAccessEnvironment.issuer() + "/account/applications");
      person.awaitText("Agent Access test agent");
    }
  }

  @Test
  void denyEndsInAccessDeniedAndNoToken() throws Exception {
    try (RealAgent agent =
            RealAgent.start(AgentAccessEnvironment.mcpResource(), AgentAccessEnvironment.issuer());
        Browser person = new Browser()) {
      person.open(agent.awaitAuthorizationUrl());
      person.logIn("alice", "alice");
      person.click(By.id("agent-consent-deny"));

      JsonNode result = agent.awaitResult();
      assertThat(result.path("outcome").asText()).as(agent.output()).isEqualTo("error");
      assertThat(result.path("error").asText()).isEqualTo("access_denied");
      assertThat(result.path("iss").asText()).isEqualTo(AgentAccessEnvironment.issuer());
      assertThat(result.path("accessToken").isNull()).isTrue();

      String clientId = result.path("clientId").asText();
      AuditLog audit = AgentAccessEnvironment.auditLog();
      JsonNode denied =
          audit.await("consent.denied", r -> clientId.equals(r.path("agent").asText()));
      assertThat(denied.path("username").asText()).isEqualTo("alice");
      assertThat(denied.path("resource").asText()).isEqualTo(AgentAccessEnvironment.mcpResource());
      assertThat(audit.records())
          .noneMatch(
              r ->
                  clientId.equals(r.path("agent").asText())
                      && r.path("type").asText().startsWith("token."));
    }
  }

  private static java.util.List<String> audiences(JsonNode token) {
    JsonNode aud = token.path("aud");
    if (aud.isArray()) {
      java.util.List<String> values = new java.util.ArrayList<>();
      aud.forEach(value -> values.add(value.asText()));
      return values;
    }
    return aud.isMissingNode() ? java.util.List.of() : java.util.List.of(aud.asText());
  }

  private static String urlEncoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
