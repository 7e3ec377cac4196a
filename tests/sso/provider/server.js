// A real OpenID Connect provider (the certified `oidc-provider` package) for the single sign-on tests.
// Started by tests/sso/conftest.py:  PORT=<free port> REDIRECT_URIS=<comma-separated> node server.js
// It prints "ready <issuer>" once listening. Test-only: devInteractions (any password is accepted), and two
// /test/ endpoints that let a test sign tokens with the provider's own key (a wrong audience, an expired token).
import { generateKeyPair, exportJWK, SignJWT, decodeJwt } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const host = '127.0.0.1';
const issuer = `http://${host}:${port}`;
const redirectUris = (process.env.REDIRECT_URIS || 'http://testserver/accounts/sso/callback/').split(',');
const callbackPath = new URL(redirectUris[0]).pathname;

// The people this school's identity provider knows. The tests mirror them (tests/sso/conftest.py ACCOUNTS).
const ACCOUNTS = {
  'teacher-1': {
    email: 'teacher@school.example', email_verified: true, given_name: 'Tessa', family_name: 'de Vries',
    employee_number: 'E-1001',
  },
  'learner-1': {
    email: 'learner@school.example', email_verified: true, given_name: 'Luuk', family_name: 'Bakker',
    employee_number: '500123',
  },
  // Claims the e-mail address of an existing person, but the provider has not verified it.
  'unverified-1': {
    email: 'teacher@school.example', email_verified: false, given_name: 'Mallory', family_name: 'Unverified',
    employee_number: 'E-9999',
  },
  'stranger-1': {
    email: 'stranger@elsewhere.example', email_verified: true, given_name: 'Sam', family_name: 'Stranger',
    employee_number: 'E-4040',
  },
  'invitee-1': {
    email: 'invitee@school.example', email_verified: true, given_name: 'Ilse', family_name: 'Nieuw',
    employee_number: 'E-2002',
  },
};

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

// What the next token response's ID token gets changed to (POST /test/tamper), re-signed with the real key.
let tamperNext = null;

const sign = (claims) => new SignJWT(claims)
  .setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid, typ: 'JWT' })
  .sign(privateKey);

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'werkmentor',
    client_secret: 'werkmentor-test-secret',
    redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [signingJwk] },
  pkce: { required: () => true, methods: ['S256'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'name'],
    number: ['employee_number'],
  },
  scopes: ['openid', 'email', 'profile', 'number'],
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-only-cookie-key'] },
  ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
  // A school's own application: consent is given by the school, so nobody is asked for it.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid');
    grant.addOIDCClaims(['email', 'email_verified', 'given_name', 'family_name', 'name', 'employee_number']);
    await grant.save();
    return grant;
  },
  async findAccount(_ctx, sub) {
    const account = ACCOUNTS[sub];
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, name: `${account.given_name} ${account.family_name}`, ...account };
      },
    };
  },
});

// The test server's port changes per run: like RFC 8252's loopback rule, any port on 127.0.0.1 or localhost
// is accepted for the callback path (the browser test's live server).
const registered = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
  if (registered.call(this, value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname) && url.pathname === callbackPath;
  } catch {
    return false;
  }
};

const readJson = async (req) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
};

provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/test/sign') {
    // Sign any claims with the provider's key: for tests of the ID token checks.
    ctx.body = { token: await sign(await readJson(ctx.req)) };
    return;
  }
  if (ctx.method === 'POST' && ctx.path === '/test/tamper') {
    // {"aud": ..., "exp_offset": -60, ...}: applied to the next ID token issued by /token, then forgotten.
    tamperNext = await readJson(ctx.req);
    ctx.status = 204;
    return;
  }
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && tamperNext && ctx.body?.id_token) {
    const claims = decodeJwt(ctx.body.id_token);
    const { exp_offset: expOffset, ...changes } = tamperNext;
    tamperNext = null;
    if (expOffset !== undefined) {
      claims.exp = Math.floor(Date.now() / 1000) + expOffset;
      claims.iat = claims.exp - 600;
    }
    ctx.body = { ...ctx.body, id_token: await sign({ ...claims, ...changes }) };
  }
});

const server = provider.listen(port, host, () => {
  console.log(`ready ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
