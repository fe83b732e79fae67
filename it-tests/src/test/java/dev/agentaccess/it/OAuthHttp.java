package dev.agentaccess.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP calls an agent makes, for the tests that probe one standard rule at a time. */
final class OAuthHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private OAuthHttp() {}

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postJson(String url, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postForm(String url, Map<String, String> form)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String registrationEndpoint() {
    return AgentAccessEnvironment.issuer() + "/clients-registrations/openid-connect";
  }

  /** Registers an agent exactly as the MCP TypeScript SDK does; returns its client_id. */
  static String registerAgent(String redirectUri) throws IOException, InterruptedException {
    return registerAgent("Probe agent", redirectUri);
  }

  static String registerAgent(String clientName, String redirectUri)
      throws IOException, InterruptedException {
    String body =
        JSON.createObjectNode()
            .put("client_name", clientName)
            .put("token_endpoint_auth_method", "none")
            .put("scope", "read:analytics-data")
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "redirect_uris", JSON.createArrayNode().add(redirectUri))
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "grant_types",
                JSON.createArrayNode().add("authorization_code").add("refresh_token"))
            .set("response_types", JSON.createArrayNode().add("code"))
            .toString();
    HttpResponse<String> response = postJson(registrationEndpoint(), body);
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "Registration failed: " + response.statusCode() + " " + response.body());
    }
    return json(response).path("client_id").asText();
  }

  /** An RFC 7636 verifier and its S256 challenge. */
  record Pkce(String verifier, String challenge) {
    static Pkce create() {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String authorizationUrl(
      String clientId, String redirectUri, String scope, String resource, Pkce pkce) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", clientId);
    params.put("redirect_uri", redirectUri);
    params.put("scope", scope);
    params.put("state", "probe-state");
    params.put("code_challenge", pkce.challenge());
    params.put("code_challenge_method", "S256");
    if (resource != null) {
      params.put("resource", resource);
    }
    return AgentAccessEnvironment.issuer() + "/protocol/openid-connect/auth?" + formEncode(params);
  }

  static String tokenEndpoint() {
    return AgentAccessEnvironment.issuer() + "/protocol/openid-connect/token";
  }

  /** Exchanges an authorization code at the token endpoint (public client, PKCE, RFC 8707). */
  static HttpResponse<String> exchangeCode(
      String clientId, String code, String redirectUri, Pkce pkce, String resource)
      throws IOException, InterruptedException {
    return postForm(
        tokenEndpoint(),
        Map.of(
            "grant_type", "authorization_code",
            "client_id", clientId,
            "code", code,
            "redirect_uri", redirectUri,
            "code_verifier", pkce.verifier(),
            "resource", resource));
  }

  /** A refresh token request; {@code resource} may be null to leave it out. */
  static HttpResponse<String> refresh(String clientId, String refreshToken, String resource)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", clientId);
    form.put("refresh_token", refreshToken);
    if (resource != null) {
      form.put("resource", resource);
    }
    return postForm(tokenEndpoint(), form);
  }

  /** The query parameters of a URL, decoded. */
  static Map<String, String> queryOf(String url) {
    String query = URI.create(url).getRawQuery();
    Map<String, String> params = new LinkedHashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
