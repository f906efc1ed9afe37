// The Redis store (see store.js): what every instance must agree on lives in
// one Redis, so a refresh token rotates once across all instances, a revoked
// token is refused by all, and all sign with the same keys. Revocations also
// travel on a pub/sub channel, so each instance ends its own event streams.
// Times come from the instance's clock (`now`), passed to the scripts, as
// the in-memory store does: instances need synchronised clocks either way.
//
// Redis unreachable: commands fail at once (no offline queue that would hold
// requests until a timeout) with StoreUnavailableError, and the client keeps
// reconnecting in the background, so the instance recovers by itself. Every
// change is one script or one command, so an outage leaves nothing half-done.
// The client is npm's `redis` (node-redis): the one Redis develops and
// recommends for new projects, with Lua, pub/sub and reconnection built in.
import { randomUUID } from 'node:crypto';
import { ErrorReply, createClient } from 'redis';
import { createRedisAccessTokens } from './redis-access-tokens.js';
import { createRedisFailureCounters } from './redis-failure-counters.js';
import { createRedisKeys } from './redis-keys.js';
import { createRedisRefreshTokens } from './redis-refresh-tokens.js';
import { createRedisSessions } from './redis-sessions.js';
import { CLOCK_TOLERANCE_SECONDS } from './tokens.js';

export class StoreUnavailableError extends Error {}

const MAX_RECONNECT_DELAY_MS = 1000;

export function createRedisStore({ url, now, accessTokenTtl, refreshTokenTtl, sessionIdleTtl, sessionAbsoluteTtl, prefix = 'edjwt:', log = console.error }) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) },
  });
  const subscriber = client.duplicate();
  const instance = randomUUID();
  const channel = `${prefix}revocations`;
  const listeners = new Set();

  // One line per outage and one per recovery, not one per reconnection attempt.
  let reachable = true;
  for (const connection of [client, subscriber]) {
    connection.on('error', (error) => {
      if (connection === client && reachable) log(`demo backend: Redis unreachable (${error.message}); retrying`);
      if (connection === client) reachable = false;
    });
  }
  client.on('ready', () => {
    if (!reachable) log('demo backend: Redis reachable again');
    reachable = true;
  });

  /** Runs `command(client)`; a connection failure becomes StoreUnavailableError, a Redis error stays a bug. */
  async function run(command) {
    if (!client.isReady) throw new StoreUnavailableError('Redis is unreachable');
    try {
      return await command(client);
    } catch (error) {
      if (error instanceof ErrorReply) throw error;
      throw new StoreUnavailableError(`Redis is unreachable (${error.message})`);
    }
  }
  const evalScript = (script, keys, args) => run((redis) => redis.eval(script, { keys, arguments: args.map(String) }));

  // Each connection retries on its own; a failed first attempt is retried the same way.
  const connecting = Promise.all([client.connect(), subscriber.connect()]).catch(() => {});
  const subscribed = connecting.then(() =>
    subscriber.subscribe(channel, (message) => {
      const { origin, target, reason } = JSON.parse(message);
      if (origin === instance) return;
      for (const listener of listeners) listener(target, reason);
    }),
  ).catch((error) => log(`demo backend: Redis subscription failed (${error.message})`));

  const context = { prefix, now, evalScript, run };
  return {
    keys: createRedisKeys({ ...context, retireAfterMs: (accessTokenTtl + CLOCK_TOLERANCE_SECONDS) * 1000 }),
    refreshTokens: createRedisRefreshTokens({ ...context, ttlMs: refreshTokenTtl * 1000 }),
    accessTokens: createRedisAccessTokens(context),
    sessions: createRedisSessions({ ...context, idleMs: sessionIdleTtl * 1000, absoluteMs: sessionAbsoluteTtl * 1000 }),
    loginFailures: createRedisFailureCounters(context),
    revocations: {
      /** Ends this instance's streams at once, then tells the others. */
      async publish(target, reason) {
        for (const listener of listeners) listener(target, reason);
        await run((redis) => redis.publish(channel, JSON.stringify({ origin: instance, target, reason })));
      },
      subscribe: (listener) => listeners.add(listener),
    },
    /** Requests need not wait for it: until then they get StoreUnavailableError. */
    ready: () => subscribed,
    async close() {
      client.destroy();
      subscriber.destroy();
    },
  };
}
