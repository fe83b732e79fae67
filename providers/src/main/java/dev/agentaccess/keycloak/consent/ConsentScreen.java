package dev.agentaccess.keycloak.consent;

import java.net.URI;
import java.util.List;

/**
 * What the agent consent page shows, as plain values for the FreeMarker template {@code
 * agent-consent.ftl}. Every string that came from the agent (its name, its redirect URI) is
 * rendered through FreeMarker's HTML auto-escaping, never as markup.
 *
 * @param agentName the name the agent registered with, or its client id when it gave none
 * @param agentClientId the client id Keycloak issued
 * @param registrationType how the agent registered ({@code dcr} for now)
 * @param redirectHost the host the authorization code will be sent to
 * @param localhostOnly true when that host is this computer (a local app, not a website)
 * @param mcpServerName the MCP server's display name
 * @param mcpServerUri the MCP server's canonical URI, as the agent named it in {@code resource}
 * @param scopes each requested scope, in plain words
 */
public record ConsentScreen(
    String agentName,
    String agentClientId,
    String registrationType,
    String redirectHost,
    boolean localhostOnly,
    String mcpServerName,
    String mcpServerUri,
    List<Scope> scopes) {

  /**
   * One requested scope.
   *
   * @param name the scope as the agent asked for it, e.g. {@code read:analytics-data}
   * @param text what it allows, in plain words (the client scope's consent screen text)
   * @param risk {@code low}, {@code medium} or {@code high}
   */
  public record Scope(String name, String text, String risk) {
    public String getName() {
      return name;
    }

    public String getText() {
      return text;
    }

    public String getRisk() {
      return risk;
    }
  }

  static String hostOf(String redirectUri) {
    try {
      String host = URI.create(redirectUri).getHost();
      return host == null ? redirectUri : host;
    } catch (IllegalArgumentException e) {
      return redirectUri;
    }
  }

  static boolean isLoopbackHost(String host) {
    return "localhost".equalsIgnoreCase(host)
        || "127.0.0.1".equals(host)
        || "[::1]".equals(host)
        || "::1".equals(host);
  }

  // FreeMarker reads JavaBean getters; records expose accessors, so give it both spellings.
  public String getAgentName() {
    return agentName;
  }

  public String getAgentClientId() {
    return agentClientId;
  }

  public String getRegistrationType() {
    return registrationType;
  }

  public String getRedirectHost() {
    return redirectHost;
  }

  public boolean isLocalhostOnly() {
    return localhostOnly;
  }

  public String getMcpServerName() {
    return mcpServerName;
  }

  public String getMcpServerUri() {
    return mcpServerUri;
  }

  public List<Scope> getScopes() {
    return scopes;
  }
}
