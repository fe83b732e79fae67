package dev.agentaccess.keycloak.consent;

import dev.agentaccess.keycloak.registration.RedirectUriRules;
import java.net.URI;
import java.util.List;

/**
 * What the agent consent page shows, as a JavaBean for the FreeMarker template {@code
 * agent-consent.ftl} (plain getters: FreeMarker would expose a record's accessors as methods, not
 * values). Every string that came from the agent (its name, its redirect URI) is rendered through
 * FreeMarker's HTML auto-escaping, never as markup.
 */
public final class ConsentScreen {

  private final String agentName;
  private final String agentClientId;
  private final String registrationType;
  private final String redirectHost;
  private final String mcpServerName;
  private final String mcpServerUri;
  private final List<Scope> scopes;

  /**
   * @param agentName the name the agent registered with, or its client id when it gave none
   * @param agentClientId the client id Keycloak issued
   * @param registrationType how the agent registered ({@code dcr} for now)
   * @param redirectHost the host the authorization code will be sent to
   * @param mcpServerName the MCP server's display name
   * @param mcpServerUri the MCP server's canonical URI, as the agent named it in {@code resource}
   * @param scopes each requested scope, in plain words
   */
  public ConsentScreen(
      String agentName,
      String agentClientId,
      String registrationType,
      String redirectHost,
      String mcpServerName,
      String mcpServerUri,
      List<Scope> scopes) {
    this.agentName = agentName;
    this.agentClientId = agentClientId;
    this.registrationType = registrationType;
    this.redirectHost = redirectHost;
    this.mcpServerName = mcpServerName;
    this.mcpServerUri = mcpServerUri;
    this.scopes = List.copyOf(scopes);
  }

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

  /** True when the code goes to this computer: a local app, not a website the person can see. */
  public boolean isLocalhostOnly() {
    return RedirectUriRules.isLoopbackHost(redirectHost);
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

  /**
   * One requested scope: its name, what it allows in plain words, its risk, and if already granted.
   */
  public static final class Scope {
    private final String name;
    private final String text;
    private final String risk;
    private final boolean alreadyGranted;

    /**
     * @param name the scope as the agent asked for it, e.g. {@code read:analytics-data}
     * @param text what it allows, in plain words (the client scope's consent screen text)
     * @param risk {@code low}, {@code medium} or {@code high}
     * @param alreadyGranted true when the person approved it for this agent before
     */
    public Scope(String name, String text, String risk, boolean alreadyGranted) {
      this.name = name;
      this.text = text;
      this.risk = risk;
      this.alreadyGranted = alreadyGranted;
    }

    public boolean isAlreadyGranted() {
      return alreadyGranted;
    }

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
    if (redirectUri == null) {
      return null;
    }
    try {
      String host = URI.create(redirectUri).getHost();
      return host == null ? redirectUri : host;
    } catch (IllegalArgumentException e) {
      return redirectUri;
    }
  }
}
