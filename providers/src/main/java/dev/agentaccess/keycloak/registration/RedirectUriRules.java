package dev.agentaccess.keycloak.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs an agent may register: loopback over plain http (RFC 8252 §7.3, native apps
 * such as Claude Code or VS Code listen on a local port) and https. Everything else is refused,
 * because a plain-http or custom-scheme redirect lets any host or app on the path receive the
 * authorization code. Pure logic, no Keycloak types, so it is unit-tested on its own.
 */
public final class RedirectUriRules {

  /**
   * The loopback hosts RFC 8252 §7.3 and §8.3 describe; {@code localhost} is what MCP clients use.
   */
  static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

  /** Keycloak stores each redirect URI in a 255-character column. */
  static final int MAX_LENGTH = 255;

  /** More redirect URIs than any real client needs only fill the database. */
  static final int MAX_COUNT = 20;

  private RedirectUriRules() {}

  /** Whether a URI's host (as {@link URI#getHost()} gives it) is this computer. */
  public static boolean isLoopbackHost(String host) {
    return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
  }

  /**
   * The first problem with the given redirect URIs, described for a human, or empty when they are
   * all acceptable.
   */
  public static Optional<String> firstProblem(Collection<String> redirectUris) {
    if (redirectUris == null || redirectUris.isEmpty()) {
      return Optional.of("redirect_uris is required: an agent must name where to receive the code");
    }
    if (redirectUris.size() > MAX_COUNT) {
      return Optional.of("At most " + MAX_COUNT + " redirect URIs may be registered");
    }
    for (String redirectUri : redirectUris) {
      Optional<String> problem = problemWith(redirectUri);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  static Optional<String> problemWith(String redirectUri) {
    if (redirectUri == null || redirectUri.isBlank()) {
      return Optional.of("An empty redirect URI is not allowed");
    }
    if (redirectUri.length() > MAX_LENGTH) {
      return Optional.of("Redirect URIs may be at most " + MAX_LENGTH + " characters long");
    }
    if (redirectUri.contains("*")) {
      return Optional.of("Wildcards are not allowed in redirect URIs: " + redirectUri);
    }
    URI uri;
    try {
      uri = new URI(redirectUri);
    } catch (URISyntaxException e) {
      return Optional.of("Not a valid URI: " + redirectUri);
    }
    if (!uri.isAbsolute() || uri.getScheme() == null) {
      return Optional.of("Redirect URIs must be absolute: " + redirectUri);
    }
    if (uri.getRawFragment() != null) {
      return Optional.of(
          "Redirect URIs must not contain a fragment (RFC 6749 §3.1.2): " + redirectUri);
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("Redirect URIs must not contain user information: " + redirectUri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    if (host == null || host.isEmpty()) {
      return Optional.of("Redirect URIs must name a host: " + redirectUri);
    }
    if ("https".equals(scheme)) {
      return Optional.empty();
    }
    if ("http".equals(scheme) && isLoopbackHost(host)) {
      return Optional.empty();
    }
    return Optional.of(
        "Redirect URI must use https, or http on a loopback address (127.0.0.1, [::1], localhost): "
            + redirectUri);
  }

  /**
   * Whether a browser-based agent at this web origin (e.g. MCP Inspector at {@code
   * http://localhost:6274}) may call the registration endpoint: the same rule as for redirect URIs,
   * https or loopback http, and nothing but scheme, host and port.
   */
  public static boolean isAcceptableOrigin(String origin) {
    if (origin == null || problemWith(origin).isPresent()) {
      return false;
    }
    URI uri = URI.create(origin);
    return (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null;
  }

  /**
   * The redirect URIs to store: each loopback one also without its port. RFC 8252 §7.3 says a
   * native app's loopback redirect may use any port, because the app picks a free one each time it
   * starts; Keycloak accepts any port for a loopback redirect URI registered without one. Only
   * called on URIs {@link #firstProblem} accepted.
   */
  public static java.util.List<String> withAnyLoopbackPort(Collection<String> redirectUris) {
    java.util.LinkedHashSet<String> stored = new java.util.LinkedHashSet<>(redirectUris);
    for (String redirectUri : redirectUris) {
      URI uri = URI.create(redirectUri);
      if ("http".equalsIgnoreCase(uri.getScheme())
          && isLoopbackHost(uri.getHost())
          && uri.getPort() != -1) {
        try {
          stored.add(
              new URI(uri.getScheme(), null, uri.getHost(), -1, uri.getPath(), uri.getQuery(), null)
                  .toString());
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("Not a valid URI: " + redirectUri, e);
        }
      }
    }
    return java.util.List.copyOf(stored);
  }
}
