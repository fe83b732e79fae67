<#-- Agent consent page. Everything the agent supplied (name, client id, redirect host) is
     HTML-escaped by Keycloak's FreeMarker configuration; nothing here is rendered as raw markup. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout bodyClass="oauth agent-consent"; section>
  <#if section = "header">
    <#-- Agent-supplied text is never passed to msg(): Keycloak would resolve message keys in it. -->
    <span id="agent-consent-title">${msg("agentConsentTitle")}</span>
  <#elseif section = "form">
    <div id="agent-consent" class="agent-consent">
      <p id="agent-consent-summary">${msg("agentConsentSummary")}</p>

      <dl class="agent-consent-facts">
        <dt>${msg("agentConsentAgent")}</dt>
        <#-- bdi: whatever direction the agent's name claims, it cannot reorder the text around it. -->
        <dd id="agent-consent-agent"><strong><bdi>${agentConsent.agentName}</bdi></strong>
          <span class="agent-consent-muted">(<bdi>${agentConsent.agentClientId}</bdi>)</span></dd>

        <dt>${msg("agentConsentRegistration")}</dt>
        <dd id="agent-consent-registration">${msg("agentConsentRegistration." + (agentConsent.registrationType!"dcr"))}</dd>

        <dt>${msg("agentConsentServer")}</dt>
        <dd id="agent-consent-resource"><strong>${agentConsent.mcpServerName}</strong>
          <span class="agent-consent-muted">${agentConsent.mcpServerUri}</span></dd>

        <#if agentConsent.redirectHost??>
          <dt>${msg("agentConsentRedirect")}</dt>
          <dd id="agent-consent-redirect-host">${agentConsent.redirectHost}</dd>
        </#if>
      </dl>

      <#if agentConsent.localhostOnly>
        <div id="agent-consent-localhost-warning" class="pf-v5-c-alert pf-m-inline pf-m-warning" role="note">
          <p class="pf-v5-c-alert__title">${msg("agentConsentLocalhostWarning")}</p>
        </div>
      </#if>

      <h2 class="agent-consent-heading">${msg("agentConsentScopesHeading")}</h2>
      <ul id="agent-consent-scopes" class="agent-consent-scopes">
        <#if !agentConsent.scopes?has_content>
          <li class="agent-consent-scope" id="agent-consent-no-scopes">${msg("agentConsentNoScopes")}</li>
        </#if>
        <#list agentConsent.scopes as scope>
          <li class="agent-consent-scope" data-scope="${scope.name}">
            <span class="agent-consent-scope-text">${advancedMsg(scope.text)}</span>
            <span class="agent-consent-risk agent-consent-risk-${scope.risk}">${msg("agentConsentRisk." + scope.risk)}</span>
            <#if scope.alreadyGranted>
              <span class="agent-consent-granted">${msg("agentConsentAlreadyGranted")}</span>
            </#if>
            <code class="agent-consent-scope-name">${scope.name}</code>
          </li>
        </#list>
      </ul>

      <form id="agent-consent-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <@buttons.actionGroup horizontal=true>
          <@buttons.button id="agent-consent-approve" name="approve" label="agentConsentApprove"/>
          <@buttons.button id="agent-consent-deny" name="deny" label="agentConsentDeny" type="secondary"/>
        </@buttons.actionGroup>
      </form>
    </div>
  </#if>
</@layout.registrationLayout>
