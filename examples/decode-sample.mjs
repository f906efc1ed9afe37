// Signs a sample token with node:crypto's Ed25519 and decodes it with edjwt.
import { generateKeyPairSync, sign } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'edjwt';

const { privateKey } = generateKeyPairSync('ed25519');
const now = Math.floor(Date.now() / 1000);
const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signingInput = `${encode({ alg: 'EdDSA', typ: 'JWT' })}.${encode({ sub: 'demo-user', iat: now, exp: now + 300 })}`;
const token = `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;

console.log('protected header:', decodeProtectedHeader(token));
console.log('claims:', decodeJwt(token));
