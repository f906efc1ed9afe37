import * as edjwt from 'edjwt';
import * as jose from 'jose';
import { compare, syncBatch } from './measure.js';
const now = Math.floor(Date.now() / 1000);
const claims = {
  iss: 'https://auth.example.com/', sub: 'user-8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f', aud: ['https://api.example.com', 'https://app.example.com'],
  iat: now, nbf: now, exp: now + 3600, jti: '6f1b1c2e-3d4a-5b6c-7d8e-9f0a1b2c3d4e', scope: 'openid profile email read:messages write:messages',
  azp: 'spa-client-1234567890', sid: 'session-0f1e2d3c4b5a69788796a5b4c3d2e1f0', email: 'someone@example.com', email_verified: true,
  roles: ['reader', 'writer'], org: { id: 'org-42', name: 'Example Org' },
};
const b64u = (value) => Buffer.from(value).toString('base64url');
const token = `${b64u(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'bench' }))}.${b64u(JSON.stringify(claims))}.${b64u('x'.repeat(64))}`;
const r = await compare([['edjwt', syncBatch(() => edjwt.decodeJwt(token))], ['jose', syncBatch(() => jose.decodeJwt(token))]]);
console.log(r.map((x) => `${x.name} ${Math.round(x.median)}`).join('  '), (r[0].median / r[1].median).toFixed(2));
