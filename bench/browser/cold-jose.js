// Cold load, jose: the time from navigation start to the first verified token.
import { importJWK, jwtVerify } from 'jose';

const { token, jwk } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
await jwtVerify(token, await importJWK(jwk, 'EdDSA'));
window.coldResult = performance.now();
