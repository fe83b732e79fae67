package dev.agentaccess.keycloak.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** RFC 8707 §2 syntax of a {@code resource} value. Pure logic, unit-tested. */
public final class ResourceIndicators {

  private ResourceIndicators() {}

  /** Why {@code resource} is not a valid resource indicator, or empty when it is. */
  public static Optional<String> syntaxProblem(String resource) {
    if (resource == null || resource.isBlank()) {
      return Optional.of("The resource parameter is required: the canonical URI of the MCP server");
    }
    try {
      URI uri = new URI(resource);
      if (!uri.isAbsolute()) {
        return Optional.of("The resource must be an absolute URI (RFC 8707 §2): " + resource);
      }
      if (uri.getRawFragment() != null) {
        return Optional.of("The resource must not contain a fragment (RFC 8707 §2): " + resource);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("The resource is not a valid URI: " + resource);
    }
  }
}
