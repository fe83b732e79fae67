package dev.agentaccess.keycloak.token;

import dev.agentaccess.keycloak.common.AgentClients;
import dev.agentaccess.keycloak.common.McpServers;
import dev.agentaccess.keycloak.common.RequestAttributes;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.token.TokenInterceptorException;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorContext;

/**
 * Binds every token issued to an agent to exactly one MCP server (RFC 8707, MCP authorization
 * spec): the access token's {@code aud} becomes the server's canonical URI and nothing else, so the
 * token is useless at any other server and no stray {@code account} audience leaks in.
 *
 * <p>The resource comes from the authorization code (Keycloak keeps the authorize request's {@code
 * resource} with it) or, on refresh, from the refresh token we stamped earlier. A token request may
 * repeat that resource but never change it: a different or unknown one ends in {@code 400
 * invalid_target}. Keycloak calls this through its {@code token-interceptor} SPI each time it
 * builds a token response, after the protocol mappers have run.
 */
final class AgentAudienceTokenPostProcessor implements TokenPostProcessor {

  private final KeycloakSession session;

  AgentAudienceTokenPostProcessor(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void process(TokenPostProcessorContext context) {
    ClientModel client = context.clientSessionCtx().getClientSession().getClient();
    if (!AgentClients.isAgent(client) || context.accessToken() == null) {
      return;
    }
    String requested =
        context.clientSessionCtx().getAttribute(OAuth2Constants.RESOURCE, String.class);
    String approved = approvedResource(context);
    if (requested != null && approved != null && !requested.equals(approved)) {
      throw invalidTarget(
          context,
          requested,
          "The resource must be the one named at the authorization request (" + approved + ")");
    }
    String resource = requested != null ? requested : approved;
    Optional<String> syntaxProblem = ResourceIndicators.syntaxProblem(resource);
    if (syntaxProblem.isPresent()) {
      throw invalidTarget(context, resource, syntaxProblem.get());
    }
    if (McpServers.byResource(session, session.getContext().getRealm(), resource).isEmpty()) {
      throw invalidTarget(context, resource, "Unknown resource: no MCP server " + resource);
    }

    context.accessToken().audience(resource);
    if (context.refreshToken() != null) {
      context.refreshToken().getOtherClaims().put(OAuth2Constants.RESOURCE, resource);
    }
    session.setAttribute(RequestAttributes.ISSUED_RESOURCE, resource);
  }

  private static String approvedResource(TokenPostProcessorContext context) {
    if (context.code() != null) {
      return context.code().getResource();
    }
    if (context.requestRefreshToken() != null) {
      Object resource =
          context.requestRefreshToken().getOtherClaims().get(OAuth2Constants.RESOURCE);
      return resource == null ? null : resource.toString();
    }
    return null;
  }

  /**
   * The {@code invalid_target} answer. Keycloak sends no event when a post-processor refuses, so we
   * send the token error event ourselves: the refusal must reach the audit trail.
   */
  private TokenInterceptorException invalidTarget(
      TokenPostProcessorContext context, String resource, String description) {
    UserSessionModel userSession = context.clientSessionCtx().getClientSession().getUserSession();
    new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
        .event(
            context.requestRefreshToken() != null
                ? EventType.REFRESH_TOKEN_ERROR
                : EventType.CODE_TO_TOKEN_ERROR)
        .client(context.clientSessionCtx().getClientSession().getClient())
        .user(userSession == null ? null : userSession.getUser())
        .detail(OAuth2Constants.RESOURCE, resource)
        .detail(Details.REASON, description)
        .error(OAuthErrorException.INVALID_TARGET);
    return new TokenInterceptorException(OAuthErrorException.INVALID_TARGET, description);
  }
}
