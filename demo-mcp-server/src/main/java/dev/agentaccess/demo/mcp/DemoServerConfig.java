package dev.agentaccess.demo.mcp;

import java.net.URI;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything the demo server needs to know about where it lives and whom it trusts.
 *
 * @param port TCP port Jetty listens on (all interfaces)
 * @param resourceUri canonical URI of the MCP endpoint; tokens must carry exactly this value in
 *     {@code aud} (RFC 8707 resource indicator), and it is advertised as {@code resource} in the
 *     protected resource metadata
 * @param issuer the authorization server (Keycloak realm) whose tokens are accepted; compared
 *     exactly with the token's {@code iss}
 */
public record DemoServerConfig(int port, String resourceUri, String issuer) {

  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_ISSUER = "http://localhost:8080/realms/saasalytics";

  /** RFC 9728 well-known prefix; the resource's path is appended to it. */
  static final String PROTECTED_RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";

  public DemoServerConfig {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    requireAbsoluteHttpUri("resourceUri", resourceUri);
    requireAbsoluteHttpUri("issuer", issuer);
  }

  /** The usual local set-up: resource {@code http://localhost:<port>/mcp}. */
  public static DemoServerConfig forLocalhost(int port, String issuer) {
    return new DemoServerConfig(port, defaultResourceUri(port), issuer);
  }

  /**
   * Reads system properties first, then environment variables, then defaults: {@code mcp.port} /
   * {@code MCP_PORT}, {@code mcp.resourceUri} / {@code MCP_RESOURCE_URI}, {@code mcp.issuer} /
   * {@code MCP_ISSUER}.
   */
  public static DemoServerConfig fromEnvironment() {
    return fromLookup(System::getProperty, System::getenv);
  }

  // Separate from fromEnvironment() so the precedence rules can be tested without touching the
  // real process environment.
  static DemoServerConfig fromLookup(
      UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
    String portText =
        firstNonBlank(systemProperties.apply("mcp.port"), environment.apply("MCP_PORT"));
    int port = portText == null ? DEFAULT_PORT : Integer.parseInt(portText.trim());
    String resourceUri =
        firstNonBlank(
            systemProperties.apply("mcp.resourceUri"), environment.apply("MCP_RESOURCE_URI"));
    String issuer =
        firstNonBlank(systemProperties.apply("mcp.issuer"), environment.apply("MCP_ISSUER"));
    return new DemoServerConfig(
        port,
        resourceUri == null ? defaultResourceUri(port) : resourceUri.trim(),
        issuer == null ? DEFAULT_ISSUER : issuer.trim());
  }

  /**
   * Where clients find this resource's metadata: the well-known prefix inserted between the
   * authority and the path of the resource URI (RFC 9728 section 3.1).
   */
  public String resourceMetadataUrl() {
    URI uri = URI.create(resourceUri);
    return uri.getScheme() + "://" + uri.getRawAuthority() + resourceMetadataPath();
  }

  /** Local path of {@link #resourceMetadataUrl()}, e.g. {@code /.well-known/...-resource/mcp}. */
  String resourceMetadataPath() {
    return PROTECTED_RESOURCE_METADATA_PATH + resourcePath();
  }

  /** Path of the resource URI without a trailing slash; empty when the resource is the root. */
  String resourcePath() {
    String path = Objects.requireNonNullElse(URI.create(resourceUri).getRawPath(), "");
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Keycloak's JWKS endpoint for the realm. */
  public String jwksUri() {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return base + "/protocol/openid-connect/certs";
  }

  private static String defaultResourceUri(int port) {
    return "http://localhost:" + port + "/mcp";
  }

  private static String firstNonBlank(String first, String second) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second != null && !second.isBlank() ? second : null;
  }

  private static void requireAbsoluteHttpUri(String name, String value) {
    Objects.requireNonNull(value, name);
    URI uri = URI.create(value);
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getRawAuthority() == null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          name + " must be an absolute http(s) URI without fragment, was " + value);
    }
  }
}
