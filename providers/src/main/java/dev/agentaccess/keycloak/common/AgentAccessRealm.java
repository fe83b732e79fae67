package dev.agentaccess.keycloak.common;

import org.keycloak.models.RealmModel;

/** Whether agent access is switched on for a realm (a realm attribute, set in the realm export). */
public final class AgentAccessRealm {

  public static final String ENABLED_ATTRIBUTE = "agent-access.enabled";

  private AgentAccessRealm() {}

  public static boolean isEnabled(RealmModel realm) {
    return realm != null && Boolean.parseBoolean(realm.getAttribute(ENABLED_ATTRIBUTE));
  }
}
