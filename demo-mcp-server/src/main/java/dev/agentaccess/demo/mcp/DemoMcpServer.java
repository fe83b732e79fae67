package dev.agentaccess.demo.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Saasalytics' analytics server": an MCP server over streamable HTTP that is an OAuth protected
 * resource of a Keycloak realm. Everything an instance needs lives in the instance, so several can
 * run in one JVM (tests start it in-process on their own port).
 */
public final class DemoMcpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMcpServer.class);

  static final String SERVER_NAME = "saasalytics-analytics";
  static final String SERVER_VERSION = "0.1.0";
  static final String MCP_PATH = "/mcp";

  private final DemoServerConfig config;
  private final Server jetty;
  private final ServerConnector connector;
  private final McpSyncServer mcpServer;
  private final AccessTokenValidator tokenValidator;

  private DemoMcpServer(
      DemoServerConfig config,
      Server jetty,
      ServerConnector connector,
      McpSyncServer mcpServer,
      AccessTokenValidator tokenValidator) {
    this.config = config;
    this.jetty = jetty;
    this.connector = connector;
    this.mcpServer = mcpServer;
    this.tokenValidator = tokenValidator;
  }

  /**
   * Starts a server and returns once it accepts connections. The authorization server is not
   * contacted until the first token needs checking, so Keycloak may come up later.
   *
   * @throws IOException if Jetty cannot start, e.g. because the port is taken
   */
  public static DemoMcpServer start(DemoServerConfig config) throws IOException {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .mcpEndpoint(MCP_PATH)
            .contextExtractor(DemoMcpServer::callerContext)
            .build();
    McpSyncServer mcpServer =
        McpServer.sync(transport)
            .serverInfo(SERVER_NAME, SERVER_VERSION)
            .instructions(
                "Demo analytics server for Saasalytics. Each tool needs its own OAuth scope.")
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .tools(AnalyticsTools.specifications())
            .build();
    AccessTokenValidator tokenValidator = new AccessTokenValidator(config);

    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setPort(config.port());
    jetty.addConnector(connector);
    jetty.setHandler(servletContext(config, transport, tokenValidator));
    jetty.setStopTimeout(2_000);

    DemoMcpServer server = new DemoMcpServer(config, jetty, connector, mcpServer, tokenValidator);
    try {
      jetty.start();
    } catch (Exception e) {
      server.close();
      throw new IOException("Could not start the demo MCP server on port " + config.port(), e);
    }
    LOG.info(
        "Demo MCP server listening on {} (authorization server {})",
        config.resourceUri(),
        config.issuer());
    return server;
  }

  private static ServletContextHandler servletContext(
      DemoServerConfig config,
      HttpServletStreamableServerTransportProvider transport,
      AccessTokenValidator tokenValidator) {
    ServletContextHandler context = new ServletContextHandler("/");
    EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);

    // Filters run in the order they are added: CORS first, so that preflights are answered
    // without a token and so that 401/403 responses still carry the CORS headers.
    FilterHolder cors = new FilterHolder(new CorsFilter());
    cors.setAsyncSupported(true);
    context.addFilter(cors, "/*", requests);

    BearerChallenge challenge = new BearerChallenge(config.resourceMetadataUrl());
    FilterHolder bearer = new FilterHolder(new BearerTokenFilter(tokenValidator, challenge));
    // The SDK servlet answers requests asynchronously (SSE), which every filter in front of it
    // must allow.
    bearer.setAsyncSupported(true);
    context.addFilter(bearer, MCP_PATH, requests);

    ServletHolder mcp = new ServletHolder("mcp", transport);
    mcp.setAsyncSupported(true);
    context.addServlet(mcp, MCP_PATH);

    context.addServlet(
        new ServletHolder(
            "protected-resource-metadata", new ProtectedResourceMetadataServlet(config)),
        DemoServerConfig.PROTECTED_RESOURCE_METADATA_PATH + "/*");
    return context;
  }

  /** Hands the caller that {@link BearerTokenFilter} established to the tool handlers. */
  private static McpTransportContext callerContext(HttpServletRequest request) {
    Object caller = request.getAttribute(AuthenticatedCaller.REQUEST_ATTRIBUTE);
    if (caller == null) {
      return McpTransportContext.EMPTY;
    }
    return McpTransportContext.create(Map.of(AuthenticatedCaller.TRANSPORT_CONTEXT_KEY, caller));
  }

  /** The port actually listened on. */
  public int port() {
    return connector.getLocalPort();
  }

  public DemoServerConfig config() {
    return config;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Closes MCP sessions, stops Jetty and releases the JWKS cache. Safe to call twice. */
  @Override
  public void close() {
    try {
      mcpServer.closeGracefully();
    } catch (RuntimeException e) {
      LOG.warn("Closing MCP sessions failed", e);
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("Stopping Jetty failed", e);
    }
    try {
      tokenValidator.close();
    } catch (IOException e) {
      LOG.warn("Closing the JWKS source failed", e);
    }
  }

  public static void main(String[] args) throws Exception {
    DemoMcpServer server = start(DemoServerConfig.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "demo-mcp-server-shutdown"));
    server.join();
  }
}
