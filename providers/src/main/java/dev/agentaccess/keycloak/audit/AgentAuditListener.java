package dev.agentaccess.keycloak.audit;

import dev.agentaccess.keycloak.common.AgentAccessRealm;
import dev.agentaccess.keycloak.common.AgentClients;
import dev.agentaccess.keycloak.common.RequestAttributes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Writes one JSON line per agent event to the Keycloak log, category {@value #CATEGORY}: agent
 * registered, consent granted or denied, token issued or refreshed. Keycloak calls it through the
 * {@code eventsListener} SPI for every event of a realm that lists {@code agent-audit} among its
 * event listeners; events of non-agent clients are ignored, except refused registrations in a realm
 * with agent access, which leave no client to look at.
 */
final class AgentAuditListener implements EventListenerProvider {

  static final String CATEGORY = "dev.agentaccess.audit";
  private static final Logger AUDIT = Logger.getLogger(CATEGORY);

  private final KeycloakSession session;

  AgentAuditListener(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void onEvent(Event event) {
    Optional<String> auditType =
        AgentAuditEventTypes.auditTypeOf(event.getType(), event.getError());
    if (auditType.isEmpty()) {
      return;
    }
    RealmModel realm = session.realms().getRealm(event.getRealmId());
    ClientModel client =
        realm == null || event.getClientId() == null
            ? null
            : realm.getClientByClientId(event.getClientId());
    // A refused registration leaves no client behind: in an agent realm it is audited all the same.
    boolean audited =
        event.getType() == EventType.CLIENT_REGISTER_ERROR
            ? AgentAccessRealm.isEnabled(realm)
            : AgentClients.isAgent(client);
    if (!audited) {
      return;
    }
    Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
    String resource = details.get(OAuth2Constants.RESOURCE);
    if (resource == null) {
      resource = session.getAttribute(RequestAttributes.ISSUED_RESOURCE, String.class);
    }
    AgentAuditRecord record =
        new AgentAuditRecord(
            event.getTime(),
            auditType.get(),
            realm == null ? event.getRealmId() : realm.getName(),
            event.getClientId(),
            client == null ? null : client.getName(),
            event.getUserId(),
            details.get(Details.USERNAME),
            resource,
            scopes(details.get(Details.SCOPE)),
            event.getIpAddress(),
            event.getError());
    try {
      AUDIT.info(JsonSerialization.writeValueAsString(record));
    } catch (IOException e) {
      AUDIT.errorf(e, "Could not write the audit record for %s", auditType.get());
    }
  }

  private static List<String> scopes(String scopeDetail) {
    if (scopeDetail == null || scopeDetail.isBlank()) {
      return null;
    }
    return Arrays.stream(scopeDetail.trim().split("\\s+")).toList();
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {}

  @Override
  public void close() {}
}
