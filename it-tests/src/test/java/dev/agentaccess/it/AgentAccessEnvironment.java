package dev.agentaccess.it;

import dev.agentaccess.demo.mcp.DemoMcpServer;
import dev.agentaccess.demo.mcp.DemoServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Keycloak and the demo MCP server once for the whole test run (a Keycloak start costs about
 * 40 s) and stops both when JUnit closes its root store at the end of the run.
 */
public final class AgentAccessEnvironment implements BeforeAllCallback {

  static final int KEYCLOAK_PORT = 18080;
  static final int MANAGEMENT_PORT = 19000;
  static final int MCP_PORT = 18081;
  static final String REALM = "saasalytics";

  /** The MCP server's canonical URI as written in the realm export (the local run's port). */
  static final String EXPORTED_MCP_RESOURCE = "http://localhost:8081/mcp";

  private static Running running;

  record Running(KeycloakProcess keycloak, DemoMcpServer mcpServer)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      try (mcpServer) {
        keycloak.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (AgentAccessEnvironment.class) {
      if (running != null) {
        return;
      }
      Path logDir =
          java.nio.file.Files.createDirectories(Path.of(System.getProperty("log.dir", "target")));
      KeycloakProcess keycloak =
          KeycloakProcess.start(
              Path.of(System.getProperty("keycloak.home")),
              Path.of(System.getProperty("realm.export")),
              KEYCLOAK_PORT,
              MANAGEMENT_PORT,
              EXPORTED_MCP_RESOURCE,
              mcpResource(),
              logDir.resolve("keycloak.log"));
      DemoMcpServer mcpServer =
          DemoMcpServer.start(DemoServerConfig.forLocalhost(MCP_PORT, keycloak.issuer(REALM)));
      running = new Running(keycloak, mcpServer);
      context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("agent-access", running);
    }
  }

  static KeycloakProcess keycloak() {
    return running.keycloak();
  }

  static String issuer() {
    return running.keycloak().issuer(REALM);
  }

  static String mcpResource() {
    return "http://localhost:" + MCP_PORT + "/mcp";
  }

  static AuditLog auditLog() {
    return new AuditLog(running.keycloak().log());
  }
}
