// A real MCP client for the integration tests, built only on the official MCP TypeScript SDK.
//
// usage: node agent.mjs <mcp-server-url> <expected-issuer>
//
// It connects to the MCP server, receives the 401, lets the SDK discover the authorization server
// (RFC 9728 + RFC 8414), register (RFC 7591) and build the authorization URL (PKCE S256 and the
// RFC 8707 resource), prints that URL for the person ("AUTHORIZATION_URL <url>"), waits on its
// loopback callback (RFC 8252), checks the RFC 9207 iss, lets the SDK exchange the code, calls the
// read tool, then tries the write tool with the same token, and prints "RESULT <json>".
import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';

const [serverUrl, expectedIssuer] = process.argv.slice(2);
if (!serverUrl || !expectedIssuer) {
  console.error('usage: node agent.mjs <mcp-server-url> <expected-issuer>');
  process.exit(2);
}

function report(result) {
  console.log('RESULT ' + JSON.stringify(result));
}

/** The loopback redirect target: resolves with the query of the first /callback request. */
function startCallbackServer() {
  let deliver;
  const callback = new Promise(resolve => (deliver = resolve));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><p id="agent-callback">You can close this window.</p></body></html>');
    deliver(Object.fromEntries(url.searchParams));
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port, callback }))
  );
}

class InMemoryProvider {
  constructor(redirectUrl) {
    this.redirectUrl = redirectUrl;
    this.clientMetadata = {
      client_name: 'Agent Access test agent',
      redirect_uris: [redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none'
    };
  }
  clientInformation() { return this.client; }
  saveClientInformation(client) { this.client = client; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) { this.savedTokens = tokens; }
  redirectToAuthorization(url) {
    this.authorizationUrl = url.toString();
    console.log('AUTHORIZATION_URL ' + this.authorizationUrl);
  }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
}

async function connect(provider) {
  const transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
  const client = new Client({ name: 'agent-access-it', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

const { server, port, callback } = await startCallbackServer();
const provider = new InMemoryProvider(`http://127.0.0.1:${port}/callback`);
try {
  let transport;
  try {
    await connect(provider);
    throw new Error('The MCP server let an unauthenticated client in');
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  // The SDK has registered, started the authorization and handed us the URL; the person acts now.
  transport = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
  const redirect = await callback;
  const authorizationUrl = new URL(provider.authorizationUrl);
  if (redirect.iss !== expectedIssuer) {
    throw new Error(`RFC 9207 iss mismatch: expected ${expectedIssuer}, got ${redirect.iss}`);
  }
  if (redirect.state !== authorizationUrl.searchParams.get('state') && authorizationUrl.searchParams.get('state')) {
    throw new Error('state mismatch');
  }
  if (redirect.error) {
    report({
      outcome: 'error',
      error: redirect.error,
      errorDescription: redirect.error_description ?? null,
      iss: redirect.iss,
      clientId: provider.client?.client_id,
      authorizationUrl: provider.authorizationUrl,
      accessToken: provider.tokens()?.access_token ?? null
    });
  } else {
    await transport.finishAuth(redirect.code);
    const { client, transport: authed } = await connect(provider);
    const tool = await client.callTool({ name: 'get_analytics_report', arguments: { metric: 'active_users' } });
    const accessToken = provider.tokens().access_token;

    // The same token at the write tool, spoken as raw MCP so we see the HTTP answer itself.
    const write = await fetch(serverUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': authed.sessionId ?? ''
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 99,
        method: 'tools/call',
        params: { name: 'record_customer_event', arguments: { event: 'signup' } }
      })
    });
    report({
      outcome: 'ok',
      clientId: provider.client.client_id,
      authorizationUrl: provider.authorizationUrl,
      iss: redirect.iss,
      toolText: tool.content?.map(c => c.text).join('\n'),
      toolIsError: tool.isError ?? false,
      accessToken,
      tokenScope: provider.tokens().scope ?? null,
      writeStatus: write.status,
      writeWwwAuthenticate: write.headers.get('www-authenticate')
    });
    await client.close();
  }
} finally {
  server.close();
}
process.exit(0);
