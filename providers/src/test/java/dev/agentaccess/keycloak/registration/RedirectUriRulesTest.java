package dev.agentaccess.keycloak.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:53117/callback",
        "http://localhost:6274/oauth/callback",
        "http://[::1]:4000/cb",
        "http://127.0.0.1/callback",
        "https://claude.ai/api/mcp/auth_callback",
        "https://vscode.dev/redirect"
      })
  void admitsLoopbackAndHttps(String redirectUri) {
    assertThat(RedirectUriRules.firstProblem(List.of(redirectUri))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.example/cb",
        "http://127.0.0.1.evil.example/cb",
        "javascript:alert(1)",
        "data:text/html,hi",
        "cursor://anysphere.cursor-retrieval/oauth/callback",
        "https://*.example.com/cb",
        "https://app.example.com/cb#frag",
        "https://user:pw@app.example.com/cb",
        "/relative/callback",
        "https://",
        "http://local host/cb"
      })
  void refusesEverythingElse(String redirectUri) {
    assertThat(RedirectUriRules.firstProblem(List.of(redirectUri)))
        .hasValueSatisfying(problem -> assertThat(problem).isNotBlank());
  }

  @Test
  void oneBadUriAmongGoodOnesIsEnoughToRefuse() {
    assertThat(
            RedirectUriRules.firstProblem(
                List.of("http://127.0.0.1:4000/cb", "http://evil.example/cb")))
        .hasValueSatisfying(problem -> assertThat(problem).contains("http://evil.example/cb"));
  }

  @Test
  void redirectUrisAreRequired() {
    assertThat(RedirectUriRules.firstProblem(List.of())).isPresent();
    assertThat(RedirectUriRules.firstProblem(null)).isPresent();
  }

  @Test
  void loopbackRedirectUrisAlsoGetAnyPort() {
    assertThat(
            RedirectUriRules.withAnyLoopbackPort(
                List.of(
                    "http://127.0.0.1:4000/callback",
                    "http://localhost:6274/oauth/callback?x=1",
                    "http://[::1]:8000/cb",
                    "https://claude.ai/api/mcp/auth_callback",
                    "http://127.0.0.1/already-portless")))
        .containsExactly(
            "http://127.0.0.1:4000/callback",
            "http://localhost:6274/oauth/callback?x=1",
            "http://[::1]:8000/cb",
            "https://claude.ai/api/mcp/auth_callback",
            "http://127.0.0.1/already-portless",
            "http://127.0.0.1/callback",
            "http://localhost/oauth/callback?x=1",
            "http://[::1]/cb");
  }

  @Test
  void webOriginsFollowTheSameRule() {
    assertThat(RedirectUriRules.isAcceptableOrigin("http://localhost:6274")).isTrue();
    assertThat(RedirectUriRules.isAcceptableOrigin("https://inspector.example")).isTrue();
    assertThat(RedirectUriRules.isAcceptableOrigin("http://evil.example")).isFalse();
    assertThat(RedirectUriRules.isAcceptableOrigin("https://app.example/path")).isFalse();
    assertThat(RedirectUriRules.isAcceptableOrigin("null")).isFalse();
    assertThat(RedirectUriRules.isAcceptableOrigin(null)).isFalse();
  }

  @Test
  void recognisesLoopbackHosts() {
    assertThat(RedirectUriRules.isLoopbackHost("localhost")).isTrue();
    assertThat(RedirectUriRules.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(RedirectUriRules.isLoopbackHost("[::1]")).isTrue();
    assertThat(RedirectUriRules.isLoopbackHost("claude.ai")).isFalse();
    assertThat(RedirectUriRules.isLoopbackHost("localhost.evil.example")).isFalse();
  }
}
