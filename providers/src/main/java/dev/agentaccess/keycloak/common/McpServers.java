package dev.agentaccess.keycloak.common;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The MCP servers a realm knows, kept in Keycloak's own client table.
 *
 * <p>An MCP server is a Keycloak client whose client id is the server's canonical URI (exactly as
 * agents send it in the RFC 8707 {@code resource} parameter, e.g. {@code
 * http://localhost:8081/mcp}) and which carries the attribute {@value #MCP_SERVER_ATTRIBUTE}{@code
 * =true}. Using the URI as client id makes the lookup on every authorization and token request a
 * cached by-client-id read, with no extra searchable attributes to configure, and it is the value
 * Keycloak itself would put in {@code aud} for that client. The scopes an agent may ask for at the
 * server are the server client's optional client scopes, edited on its "Client scopes" tab.
 */
public final class McpServers {

  public static final String MCP_SERVER_ATTRIBUTE = "agent-access.mcp-server";

  private McpServers() {}

  /** The MCP server whose canonical URI is exactly {@code resource}, if the realm has one. */
  public static Optional<ClientModel> byResource(
      KeycloakSession session, RealmModel realm, String resource) {
    if (resource == null || resource.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(session.clients().getClientByClientId(realm, resource))
        .filter(McpServers::isMcpServer);
  }

  /**
   * Every MCP server of the realm. This walks the realm's clients, so it is only used when an agent
   * registers, never per token.
   */
  public static Stream<ClientModel> all(KeycloakSession session, RealmModel realm) {
    return session.clients().getClientsStream(realm).filter(McpServers::isMcpServer);
  }

  public static boolean isMcpServer(ClientModel client) {
    return client != null && Boolean.parseBoolean(client.getAttribute(MCP_SERVER_ATTRIBUTE));
  }

  /**
   * Names of the scopes an agent may be granted at this MCP server: its optional client scopes,
   * except the realm's own default and optional scopes ({@code profile}, {@code offline_access},
   * ...). Keycloak gives those to every client created in the admin console; they describe the
   * person's account, not the MCP server, and must not reach agents by accident.
   */
  public static Set<String> scopeNamesOf(RealmModel realm, ClientModel mcpServer) {
    Set<String> realmScopes =
        Stream.concat(
                realm.getDefaultClientScopesStream(true), realm.getDefaultClientScopesStream(false))
            .map(ClientScopeModel::getName)
            .collect(Collectors.toSet());
    return mcpServer.getClientScopes(false).keySet().stream()
        .filter(name -> !realmScopes.contains(name))
        .collect(Collectors.toSet());
  }

  /** Names of every scope that belongs to some MCP server of the realm. */
  public static Set<String> allScopeNames(KeycloakSession session, RealmModel realm) {
    return all(session, realm)
        .flatMap(server -> scopeNamesOf(realm, server).stream())
        .collect(Collectors.toSet());
  }
}
