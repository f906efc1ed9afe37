// TokenSession's options: checked (a TypeError naming the option, before
// anything runs) and completed with defaults; the refresh policy is merged
// over the core's defaults (wasm/core/schedule.hpp).
import { policyDefaults } from './expiry.js';
import { systemClock } from './timers.js';

function checkPolicy(policy) {
  const merged = { ...policyDefaults(), ...policy };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`policy.${name} must be a non-negative number`);
  }
  return merged;
}

// Cross-tab coordination is on by default in browser windows only: a Node
// process or a worker has no other tabs that share its refresh token.
const defaultChannel = () => (typeof BroadcastChannel === 'function' && globalThis.window ? 'edjwt-session' : false);

/**
 * TokenSession's options, checked, with defaults filled in.
 * @param {object} options
 * @param {(context: { signal: AbortSignal }) => Promise<{ accessToken: string, serverDate?: Date | string | number }>} options.refresh
 * @param {*} [options.key] a key, public JWK or KeyObject; or
 * @param {Function} [options.jwks] a JWK Set (createLocalJWKSet / createRemoteJWKSet)
 * @param {object} [options.verifyOptions] jwtVerify options (issuer, audience, algorithms, …)
 * @param {object} [options.policy] overrides of the core's refresh policy (README "TokenSession")
 * @param {number} [options.refreshTimeoutMs=15000] a refresh that takes longer is aborted and retried
 * @param {string|false} [options.channel] cross-tab channel name; default "edjwt-session" in browsers
 * @param {{ request: Function }} [options.locks] Web Locks; default navigator.locks where present
 * @param {() => number} [options.random] uniform [0,1) source for jitter (seed it in tests)
 * @param {{ now(): number, setTimeout: Function, clearTimeout: Function }} [options.clock]
 */
export function sessionOptions(options) {
  if (typeof options !== 'object' || options === null) throw new TypeError('TokenSession options must be an object');
  const { refresh, key, jwks, verifyOptions = {}, policy, refreshTimeoutMs = 15000, random = Math.random, clock = systemClock } = options;
  if (typeof refresh !== 'function') throw new TypeError('"refresh" must be an async function returning { accessToken }');
  if ((key === undefined) === (jwks === undefined)) throw new TypeError('give exactly one of "key" or "jwks"');
  if (jwks !== undefined && typeof jwks !== 'function') throw new TypeError('"jwks" must be a JWK Set from createLocalJWKSet or createRemoteJWKSet');
  if (!Number.isFinite(refreshTimeoutMs) || refreshTimeoutMs <= 0) throw new TypeError('"refreshTimeoutMs" must be a positive number');
  if (typeof random !== 'function') throw new TypeError('"random" must be a function');
  return {
    refresh,
    key: key ?? jwks,
    verifyOptions,
    policy: checkPolicy(policy),
    refreshTimeoutMs,
    random,
    clock,
    channel: options.channel ?? defaultChannel(),
    locks: options.locks,
  };
}
