package dev.agentaccess.keycloak.consent;

import dev.agentaccess.keycloak.common.AgentClients;
import dev.agentaccess.keycloak.common.McpServers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.managers.UserConsentManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * The agent consent step of the browser flow. After the person has logged in, an agent (and only an
 * agent) must be approved on our own page, {@code agent-consent.ftl}, which names the agent, where
 * the code goes, the MCP server it wants and each scope in plain words.
 *
 * <p>Approve stores the grant as a Keycloak user consent, so Keycloak's own generic consent page is
 * not shown as well, the grant appears in the account console, and on the next visit with the same
 * scopes the person is not asked again; a new scope asks again. Deny ends the authorization with
 * {@code error=access_denied} at the agent's redirect URI, as Keycloak's consent page does. Nothing
 * but an explicit Approve lets the flow continue to issue a code.
 *
 * <p>Keycloak calls it through the {@code authenticator} SPI as a REQUIRED step of the realm's
 * browser flow (see the demo realm's "agent browser" flow).
 */
final class AgentConsentAuthenticator implements Authenticator {

  static final String TEMPLATE = "agent-consent.ftl";
  static final String APPROVE = "approve";
  static final String DENY = "deny";
  static final String RISK_ATTRIBUTE = "agent-access.risk";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    ClientModel client = context.getAuthenticationSession().getClient();
    if (!AgentClients.isAgent(client) || allRequestedScopesGranted(context)) {
      context.success();
      return;
    }
    if (TokenUtil.hasPrompt(
        context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.PROMPT_PARAM),
        OIDCLoginProtocol.PROMPT_VALUE_NONE)) {
      // prompt=none: no page may be shown, and there is no approval to go on. Keycloak turns any
      // page of a passive flow into login_required (wrong: the person is logged in) and its own
      // consent gate lets requests with no consent-screen scope (scope=openid) through, so we end
      // the request ourselves with interaction_required, the OIDC answer for "a person must act".
      throw new AuthenticationFlowException(
          AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR,
          errorToAgent(context, LoginProtocol.Error.PASSIVE_INTERACTION_REQUIRED));
    }
    context.challenge(consentPage(context));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (form.containsKey(DENY)) {
      deny(context);
    } else if (form.containsKey(APPROVE)) {
      approve(context);
    } else {
      // Neither button: show the page again rather than guess what the person meant.
      context.challenge(consentPage(context));
    }
  }

  private static void approve(AuthenticationFlowContext context) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    UserModel user = context.getUser();
    ClientModel client = context.getAuthenticationSession().getClient();
    List<ClientScopeModel> requested = requestedScopes(context);

    UserConsentModel consent =
        UserConsentManager.getConsentByClient(session, realm, user, client.getId());
    if (consent == null) {
      consent = new UserConsentModel(client);
      UserConsentManager.addConsent(session, realm, user, consent);
    }
    for (ClientScopeModel scope : requested) {
      if (!consent.isClientScopeGranted(scope)) {
        consent.addGrantedClientScope(scope);
      }
    }
    UserConsentManager.updateConsent(session, realm, user, consent);

    context
        .getEvent()
        .clone()
        .event(EventType.GRANT_CONSENT)
        .user(user)
        .detail(Details.USERNAME, user.getUsername())
        .detail(Details.CONSENT, Details.CONSENT_VALUE_CONSENT_GRANTED)
        .detail(Details.SCOPE, scopeNames(requested))
        .detail(OAuth2Constants.RESOURCE, resourceOf(context.getAuthenticationSession()))
        .success();
    context.success();
  }

  private static void deny(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    Response response = errorToAgent(context, LoginProtocol.Error.CONSENT_DENIED);
    context
        .getEvent()
        .user(context.getUser())
        .detail(Details.USERNAME, context.getUser().getUsername())
        .detail(Details.SCOPE, scopeNames(requestedScopes(context)))
        .detail(OAuth2Constants.RESOURCE, resourceOf(authSession))
        .error(Errors.REJECTED_BY_USER);
    // forceChallenge, not failure(): a denial is a decision, not a failed login, and must not
    // count towards brute-force lockout.
    context.forceChallenge(response);
  }

  /**
   * The error redirect back to the agent (with state and iss), as Keycloak's consent page sends it.
   */
  private static Response errorToAgent(
      AuthenticationFlowContext context, LoginProtocol.Error error) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    LoginProtocol protocol =
        context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol());
    protocol
        .setRealm(context.getRealm())
        .setHttpHeaders(context.getHttpRequest().getHttpHeaders())
        .setUriInfo(context.getUriInfo())
        .setEventBuilder(context.getEvent());
    return protocol.sendError(authSession, error, null);
  }

  private static boolean allRequestedScopesGranted(AuthenticationFlowContext context) {
    UserConsentModel consent =
        UserConsentManager.getConsentByClient(
            context.getSession(),
            context.getRealm(),
            context.getUser(),
            context.getAuthenticationSession().getClient().getId());
    // prompt=consent asks the person again even for scopes granted before, as Keycloak does.
    boolean promptConsent =
        TokenUtil.hasPrompt(
            context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.PROMPT_PARAM),
            OIDCLoginProtocol.PROMPT_VALUE_CONSENT);
    return consent != null
        && !promptConsent
        && requestedScopes(context).stream().allMatch(consent::isClientScopeGranted);
  }

  /**
   * The scopes this authorization request asks the person about. Keycloak only records them on the
   * authentication session after the flow, so we resolve them from the {@code scope} parameter the
   * same way Keycloak does.
   */
  private static List<ClientScopeModel> requestedScopes(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    return TokenManager.getRequestedClientScopes(
            context.getSession(),
            authSession.getClientNote(OAuth2Constants.SCOPE),
            authSession.getClient(),
            context.getUser())
        .filter(ClientScopeModel::isDisplayOnConsentScreen)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .toList();
  }

  private static Response consentPage(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    ClientModel agent = authSession.getClient();
    String resource = resourceOf(authSession);
    ClientModel mcpServer =
        McpServers.byResource(context.getSession(), context.getRealm(), resource).orElse(null);
    String redirectHost = ConsentScreen.hostOf(authSession.getRedirectUri());
    UserConsentModel granted =
        UserConsentManager.getConsentByClient(
            context.getSession(), context.getRealm(), context.getUser(), agent.getId());

    ConsentScreen screen =
        new ConsentScreen(
            displayName(agent),
            agent.getClientId(),
            agent.getAttribute(AgentClients.REGISTRATION_TYPE_ATTRIBUTE),
            redirectHost,
            mcpServer == null ? resource : displayName(mcpServer),
            resource,
            requestedScopes(context).stream()
                .map(
                    scope ->
                        new ConsentScreen.Scope(
                            scope.getName(),
                            scope.getConsentScreenText(),
                            Objects.requireNonNullElse(scope.getAttribute(RISK_ATTRIBUTE), "low"),
                            granted != null && granted.isClientScopeGranted(scope)))
                .toList());
    return context.form().setAttribute("agentConsent", screen).createForm(TEMPLATE);
  }

  private static String scopeNames(List<ClientScopeModel> scopes) {
    return String.join(" ", scopes.stream().map(ClientScopeModel::getName).toList());
  }

  private static String resourceOf(AuthenticationSessionModel authSession) {
    return authSession.getClientNote(OAuth2Constants.RESOURCE);
  }

  private static String displayName(ClientModel client) {
    String name = client.getName();
    return name == null || name.isBlank() ? client.getClientId() : name;
  }

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public void close() {}
}
