package dev.agentaccess.keycloak.common;

import org.keycloak.models.ClientModel;

/**
 * How an agent is recognised. Every client our registration policy admits carries these client
 * attributes, so every other provider (consent, tokens, audit) can tell agents from ordinary
 * clients without a table of its own: the attributes live in Keycloak's database and are shared by
 * every node of a cluster.
 */
public final class AgentClients {

  /** Marks a client as an AI agent / MCP client. */
  public static final String AGENT_ATTRIBUTE = "agent-access.agent";

  /** How the agent came to exist: {@code dcr} (RFC 7591), later {@code cimd} or {@code admin}. */
  public static final String REGISTRATION_TYPE_ATTRIBUTE = "agent-access.registration-type";

  public static final String REGISTRATION_TYPE_DCR = "dcr";

  /** Keycloak's own client attribute that enforces a PKCE method at the authorization endpoint. */
  public static final String PKCE_METHOD_ATTRIBUTE = "pkce.code.challenge.method";

  private AgentClients() {}

  public static boolean isAgent(ClientModel client) {
    return client != null && Boolean.parseBoolean(client.getAttribute(AGENT_ATTRIBUTE));
  }
}
