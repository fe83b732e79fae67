package dev.agentaccess.demo.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets browser-based MCP clients (e.g. the MCP Inspector) talk to this server. Any origin is
 * allowed: authorization rides on bearer tokens in a header, never on cookies, so a wildcard origin
 * grants a foreign page nothing it could not do with the token anyway. The challenge and session
 * headers are exposed because a browser client cannot start OAuth discovery without reading {@code
 * WWW-Authenticate}.
 */
final class CorsFilter extends HttpFilter {

  static final String ALLOWED_HEADERS =
      "authorization, content-type, mcp-protocol-version, mcp-session-id, last-event-id";
  static final String EXPOSED_HEADERS = "www-authenticate, mcp-session-id";
  static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (isPreflight(request)) {
      // Answered here, before authentication: browsers never send credentials on a preflight.
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      response.setHeader("Access-Control-Max-Age", "600");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null;
  }
}
