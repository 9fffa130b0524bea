// A real OpenID provider for the single sign-on tests: panva's certified oidc-provider,
// configured from a JSON file that the pytest fixture writes (tests/idp/conftest helpers).
//
//   node tests/idp/provider.mjs CONFIG.json
//
// The configuration names the port, the clients (redirect, logout and back-channel logout
// URIs) and the accounts with their claims. Logging in uses the package's development
// interactions: the account's id as the login, any password.
import { readFileSync } from 'node:fs';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const accounts = config.accounts;

const provider = new Provider(issuer, {
  clients: config.clients,
  findAccount: async (ctx, sub) => {
    if (!Object.hasOwn(accounts, sub)) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) };
  },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name'],
    employee: ['employee_id'],
    groups: ['groups'],
  },
  scopes: ['openid', 'offline_access', 'email', 'profile', 'employee', 'groups'],
  features: {
    devInteractions: { enabled: true },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  pkce: { required: () => true },
  ttl: {
    IdToken: config.idTokenSeconds || 3600,
    AccessToken: 3600,
    AuthorizationCode: 60,
    Session: 3600,
    Interaction: 600,
    Grant: 3600,
  },
  cookies: { keys: ['aspa-test-provider-cookie-key'] },
  // The provider refuses outgoing calls to loopback addresses (SSRF protection); the site
  // under test, which receives the back-channel logout, is on 127.0.0.1.
  fetch: (url, options) => {
    const { dispatcher, ...rest } = options;
    return globalThis.fetch(url, rest);
  },
});

// What happened to each back-channel logout call, for the test's log.
provider.on('backchannel.success', (ctx, client, accountId) => {
  console.log(`backchannel logout sent to ${client.clientId} for ${accountId}`);
});
provider.on('backchannel.error', (ctx, err, client, accountId) => {
  console.log(`backchannel logout to ${client.clientId} for ${accountId} failed: ${err} ${err.cause || ""}`);
});

provider.listen(config.port, '127.0.0.1', () => {
  // The fixture waits for this line.
  console.log(`listening ${issuer}`);
});
