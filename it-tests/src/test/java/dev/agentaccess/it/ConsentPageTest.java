package dev.agentaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The consent page shows agent-supplied text as text, never as markup or as our own wording. */
@ExtendWith(AgentAccessEnvironment.class)
class ConsentPageTest {

  @Test
  void anAgentNameWithMarkupOrMessageKeysIsShownLiterally() throws Exception {
    String hostileName =
        "<img src=x onerror=alert(1)> ${agentConsentRegistration.admin} <script>alert(2)</script>";
    try (LoopbackCallback callback = new LoopbackCallback();
        Browser person = new Browser()) {
      String clientId = OAuthHttp.registerAgent(hostileName, callback.redirectUri());
      person.open(
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "read:analytics-data",
              AgentAccessEnvironment.mcpResource(),
              OAuthHttp.Pkce.create()));
      person.logIn("alice", "alice");

      assertThat(person.text(By.id("agent-consent-agent"))).contains(hostileName);
      assertThat(person.text(By.id("agent-consent-title"))).doesNotContain("administrator");
      assertThat(person.text(By.id("agent-consent-registration")))
          .isEqualTo("Registered itself (not verified by your administrator)");
      assertThat(person.elements(By.cssSelector("#agent-consent img"))).isZero();
      person.click(By.id("agent-consent-deny"));
      assertThat(callback.await()).containsEntry("error", "access_denied");
    }
  }

  @Test
  void aRequestForNoMcpScopeSaysSoInsteadOfAnEmptyList() throws Exception {
    try (LoopbackCallback callback = new LoopbackCallback();
        Browser person = new Browser()) {
      String clientId = OAuthHttp.registerAgent(callback.redirectUri());
      person.open(
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "openid",
              AgentAccessEnvironment.mcpResource(),
              OAuthHttp.Pkce.create()));
      person.logIn("alice", "alice");

      assertThat(person.text(By.id("agent-consent-no-scopes")))
          .isEqualTo("Nothing beyond knowing who you are (your user id)");
      person.click(By.id("agent-consent-approve"));
      Map<String, String> redirect = callback.await();
      assertThat(redirect).containsKey("code");

      // Logged in, but another agent was never approved: prompt=none cannot ask the person.
      String otherAgent = OAuthHttp.registerAgent(callback.redirectUri());
      person.open(
          OAuthHttp.authorizationUrl(
                  otherAgent,
                  callback.redirectUri(),
                  "read:analytics-data",
                  AgentAccessEnvironment.mcpResource(),
                  OAuthHttp.Pkce.create())
              + "&prompt=none");
      Map<String, String> silent = callback.await();
      assertThat(silent).containsEntry("error", "interaction_required").doesNotContainKey("code");

      // Not even for a scope nobody is asked about: no code without an Approve.
      person.open(
          OAuthHttp.authorizationUrl(
                  otherAgent,
                  callback.redirectUri(),
                  "openid",
                  AgentAccessEnvironment.mcpResource(),
                  OAuthHttp.Pkce.create())
              + "&prompt=none");
      assertThat(callback.await())
          .containsEntry("error", "interaction_required")
          .doesNotContainKey("code");
    }
  }

  @Test
  void steppingUpAsksOnlyBecauseOfTheNewScopeAndMarksTheOldOne() throws Exception {
    try (LoopbackCallback callback = new LoopbackCallback();
        Browser person = new Browser()) {
      String clientId = OAuthHttp.registerAgent(callback.redirectUri());
      String resource = AgentAccessEnvironment.mcpResource();
      person.open(
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "read:analytics-data",
              resource,
              OAuthHttp.Pkce.create()));
      person.logIn("alice", "alice");
      person.click(By.id("agent-consent-approve"));
      assertThat(callback.await()).containsKey("code");

      person.open(
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "read:analytics-data write:customer-events",
              resource,
              OAuthHttp.Pkce.create()));

      assertThat(person.text(By.cssSelector("[data-scope='read:analytics-data']")))
          .contains("already allowed");
      assertThat(person.text(By.cssSelector("[data-scope='write:customer-events']")))
          .contains("Record new customer events")
          .contains("Medium risk")
          .doesNotContain("already allowed");
      person.click(By.id("agent-consent-approve"));
      assertThat(callback.await()).containsKey("code");
    }
  }

  @Test
  void anAgentMayComeBackOnAnyLoopbackPort() throws Exception {
    try (LoopbackCallback callback = new LoopbackCallback();
        Browser person = new Browser()) {
      // Registered on one port, as a native app does on its first start (RFC 8252 §7.3) ...
      String clientId = OAuthHttp.registerAgent("Port-hopping agent", "http://127.0.0.1:4000/cb");
      // ... and back on whatever port was free this time.
      OAuthHttp.Pkce pkce = OAuthHttp.Pkce.create();
      person.open(
          OAuthHttp.authorizationUrl(
              clientId,
              callback.redirectUri(),
              "read:analytics-data",
              AgentAccessEnvironment.mcpResource(),
              pkce));
      person.logIn("alice", "alice");
      person.click(By.id("agent-consent-approve"));

      String code = callback.await().get("code");
      assertThat(
              OAuthHttp.exchangeCode(
                      clientId,
                      code,
                      callback.redirectUri(),
                      pkce,
                      AgentAccessEnvironment.mcpResource())
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
