// Signing keys in Redis, with the rules of keys.js, so every instance signs
// with the same current key and publishes the same JWKS, and a rotation on
// one is served by all from the next request on. One string holds them all,
// as JSON [{ pkcs8, retiresAt? }], the current key first. (The private keys
// sit in Redis because this is a demo; a deployment would keep them in a KMS
// and share only the public JWKS.)
import { exportPrivateKey, importPrivateKey, newKey } from './keys.js';

// KEYS: the keys string; ARGV: new key's pkcs8, now, retireAfterMs.
// Retires the current key, drops expired ones, puts the new key first; returns the retired key.
const ROTATE = `
local keys = cjson.decode(redis.call('GET', KEYS[1]))
local now = tonumber(ARGV[2])
local previous = keys[1]
previous.retiresAt = now + tonumber(ARGV[3])
local kept = { { pkcs8 = ARGV[1] } }
for _, key in ipairs(keys) do
  if key.retiresAt == nil or key.retiresAt > now then table.insert(kept, key) end
end
redis.call('SET', KEYS[1], cjson.encode(kept))
return { previous.pkcs8, tostring(previous.retiresAt) }`;

export function createRedisKeys({ prefix, now, retireAfterMs, evalScript, run }) {
  const key = `${prefix}signing-keys`;
  const imported = new Map(); // pkcs8 → key, so each instance parses a key once

  function keyOf(pkcs8, retiresAt = Infinity) {
    if (!imported.has(pkcs8)) imported.set(pkcs8, importPrivateKey(pkcs8));
    return { ...imported.get(pkcs8), retiresAt };
  }

  /** The stored keys; the first instance to ask creates the first key (SET NX: one wins). */
  async function stored() {
    const json = await run(async (redis) => {
      const found = await redis.get(key);
      if (found !== null) return found;
      await redis.set(key, JSON.stringify([{ pkcs8: exportPrivateKey(newKey()) }]), { condition: 'NX' });
      return redis.get(key);
    });
    return JSON.parse(json);
  }

  return {
    async live() {
      const time = now();
      return (await stored()).filter((k) => k.retiresAt === undefined || k.retiresAt > time).map((k) => keyOf(k.pkcs8, k.retiresAt));
    },
    async rotate() {
      await stored();
      const current = newKey();
      const pkcs8 = exportPrivateKey(current);
      const [previous, retiresAt] = await evalScript(ROTATE, [key], [pkcs8, now(), retireAfterMs]);
      return { current: keyOf(pkcs8), previous: keyOf(previous, Number(retiresAt)) };
    },
  };
}
