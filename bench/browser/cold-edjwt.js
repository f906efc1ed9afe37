// Cold load, edjwt: the time from navigation start to the first verified
// token, the .wasm's download and compilation included. The driver passes the
// token and its key in the URL fragment.
import { importJWK, jwtVerify } from 'edjwt';

const { token, jwk } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
await jwtVerify(token, await importJWK(jwk, 'EdDSA'));
window.coldResult = performance.now();
