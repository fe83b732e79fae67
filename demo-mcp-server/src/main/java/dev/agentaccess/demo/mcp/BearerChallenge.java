package dev.agentaccess.demo.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes RFC 6750 bearer-token error responses. Every challenge carries {@code resource_metadata}
 * (RFC 9728 section 5.1): that is how an MCP client that has never seen this server discovers which
 * authorization server to go to.
 */
final class BearerChallenge {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String resourceMetadataUrl;

  BearerChallenge(String resourceMetadataUrl) {
    this.resourceMetadataUrl = resourceMetadataUrl;
  }

  /**
   * No credentials at all: RFC 6750 says to send a bare challenge without an error code. The {@code
   * scope} names what basic use needs (MCP authorization, scope selection), so a client asks for
   * least privilege first and steps up on a 403 only when it needs more.
   */
  void missingToken(HttpServletResponse response) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("resource_metadata", resourceMetadataUrl);
    params.put("scope", DemoTool.GET_ANALYTICS_REPORT.requiredScope());
    write(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        params,
        "invalid_token",
        "A bearer access token is required");
  }

  void invalidToken(HttpServletResponse response, String description) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", "invalid_token");
    params.put("error_description", description);
    params.put("resource_metadata", resourceMetadataUrl);
    write(response, HttpServletResponse.SC_UNAUTHORIZED, params, "invalid_token", description);
  }

  /** The token is fine but lacks a scope: the client should step up and ask for {@code scope}. */
  void insufficientScope(HttpServletResponse response, String scope, String description)
      throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", "insufficient_scope");
    params.put("scope", scope);
    params.put("resource_metadata", resourceMetadataUrl);
    params.put("error_description", description);
    write(response, HttpServletResponse.SC_FORBIDDEN, params, "insufficient_scope", description);
  }

  /** Keycloak's keys could not be fetched: not the client's fault, so no challenge. */
  void temporarilyUnavailable(HttpServletResponse response, String description) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    writeBody(response, "temporarily_unavailable", description);
  }

  private static void write(
      HttpServletResponse response,
      int status,
      Map<String, String> challengeParams,
      String error,
      String description)
      throws IOException {
    response.setStatus(status);
    response.setHeader("WWW-Authenticate", challenge(challengeParams));
    writeBody(response, error, description);
  }

  private static void writeBody(HttpServletResponse response, String error, String description)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static String challenge(Map<String, String> params) {
    StringBuilder header = new StringBuilder("Bearer");
    String separator = " ";
    for (Map.Entry<String, String> param : params.entrySet()) {
      header.append(separator).append(param.getKey()).append("=\"");
      header.append(quotable(param.getValue())).append('"');
      separator = ", ";
    }
    return header.toString();
  }

  // RFC 6750 restricts error_description to printable ASCII without '"' and '\'; anything else is
  // replaced so that an odd exception message cannot break (or inject into) the header.
  private static String quotable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      boolean allowed = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
      out.append(allowed ? c : '\'');
    }
    return out.toString();
  }
}
