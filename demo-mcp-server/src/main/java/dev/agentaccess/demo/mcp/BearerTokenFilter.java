package dev.agentaccess.demo.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the MCP endpoint as an OAuth 2.1 resource server, as the MCP authorization spec asks:
 *
 * <ul>
 *   <li>no bearer token: 401 with a challenge pointing at the protected resource metadata;
 *   <li>a token that fails validation (signature, issuer, expiry, audience): 401 invalid_token;
 *   <li>a {@code tools/call} for a tool whose scope the token lacks: 403 insufficient_scope, naming
 *       the scope so the client can ask for it;
 *   <li>otherwise the caller is put in a request attribute, from which the transport's context
 *       extractor hands it to the tool handlers.
 * </ul>
 *
 * <p>Every request is authorized on its own token; the MCP session id is never treated as a
 * credential. The token is used only here, for validation: it is never forwarded to any other
 * service (the spec forbids token passthrough), and it is not stored.
 */
final class BearerTokenFilter extends HttpFilter {

  private static final Logger LOG = LoggerFactory.getLogger(BearerTokenFilter.class);
  private static final String BEARER_PREFIX = "bearer ";

  // Far more than any tools/call needs; bounds what one request can make us buffer.
  static final int MAX_BUFFERED_BODY_BYTES = 1024 * 1024;

  private final AccessTokenValidator validator;
  private final BearerChallenge challenge;

  BearerTokenFilter(AccessTokenValidator validator, BearerChallenge challenge) {
    this.validator = validator;
    this.challenge = challenge;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> token = bearerToken(request);
    if (token.isEmpty()) {
      challenge.missingToken(response);
      return;
    }

    AuthenticatedCaller caller;
    try {
      caller = validator.validate(token.get());
    } catch (InvalidAccessTokenException e) {
      LOG.debug("Rejected access token: {}", e.getMessage());
      challenge.invalidToken(response, e.getMessage());
      return;
    } catch (AuthorizationServerUnavailableException e) {
      LOG.warn("{}: {}", e.getMessage(), String.valueOf(e.getCause()));
      challenge.temporarilyUnavailable(response, e.getMessage());
      return;
    }

    HttpServletRequest forwarded = request;
    if ("POST".equals(request.getMethod())) {
      CachedBodyRequest buffered;
      try {
        buffered = CachedBodyRequest.buffer(request, MAX_BUFFERED_BODY_BYTES);
      } catch (CachedBodyRequest.BodyTooLargeException e) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      Optional<DemoTool> denied =
          ToolCallScopeInspector.firstToolMissingScope(buffered.body(), caller);
      if (denied.isPresent()) {
        DemoTool tool = denied.get();
        challenge.insufficientScope(
            response,
            tool.requiredScope(),
            "Tool " + tool.toolName() + " requires scope " + tool.requiredScope());
        return;
      }
      forwarded = buffered;
    }

    forwarded.setAttribute(AuthenticatedCaller.REQUEST_ATTRIBUTE, caller);
    chain.doFilter(forwarded, response);
  }

  private static Optional<String> bearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() <= BEARER_PREFIX.length()) {
      return Optional.empty();
    }
    // The auth scheme is case-insensitive (RFC 9110 section 11.1).
    if (!header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
      return Optional.empty();
    }
    String token = header.substring(BEARER_PREFIX.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
