package dev.agentaccess.demo.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the OAuth 2.0 Protected Resource Metadata (RFC 9728) that MCP clients read, after a 401,
 * to learn which authorization server issues tokens for this resource and which scopes exist.
 * Answered both at the path-specific location ({@code /.well-known/oauth-protected-resource/mcp})
 * and at the bare well-known path, since clients try one and then the other.
 */
final class ProtectedResourceMetadataServlet extends HttpServlet {

  static final String RESOURCE_NAME = "Saasalytics analytics (demo)";

  private final transient byte[] document;
  private final String resourcePath;

  ProtectedResourceMetadataServlet(DemoServerConfig config) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resource", config.resourceUri());
    metadata.put("authorization_servers", List.of(config.issuer()));
    metadata.put("scopes_supported", DemoTool.allScopes());
    metadata.put("bearer_methods_supported", List.of("header"));
    metadata.put("resource_name", RESOURCE_NAME);
    try {
      this.document =
          new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialize protected resource metadata", e);
    }
    this.resourcePath = config.resourcePath();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String suffix = request.getPathInfo();
    boolean known =
        suffix == null || suffix.isEmpty() || "/".equals(suffix) || suffix.equals(resourcePath);
    if (!known) {
      // Some other resource's metadata: we only describe our own.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "max-age=300");
    response.setContentLength(document.length);
    response.getOutputStream().write(document);
  }
}
