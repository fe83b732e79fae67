package dev.agentaccess.keycloak.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One audit record: what happened to which agent, for whom, at which MCP server, with which scopes.
 * Serialised as one JSON line; fields that do not apply are left out.
 *
 * @param time event time, epoch milliseconds
 * @param agent the agent's client id
 * @param agentName the name the agent registered with
 * @param type {@code agent.registered}, {@code consent.granted}, {@code consent.denied}, {@code
 *     token.issued}, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "time",
  "type",
  "realm",
  "agent",
  "user",
  "username",
  "resource",
  "scopes",
  "ip",
  "error"
})
public record AgentAuditRecord(
    long time,
    String type,
    String realm,
    String agent,
    String agentName,
    String user,
    String username,
    String resource,
    List<String> scopes,
    String ip,
    String error) {}
