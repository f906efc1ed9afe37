// Command-line entry of the demo backend:
//   node demo-spa/server/main.js [--port 8787] [--host 127.0.0.1] [--static <dir>]
//                                [--access-ttl 30] [--refresh-ttl 28800] [--secure-cookies]
//                                [--redis redis://127.0.0.1:6379] [--session-idle-ttl 900]
//                                [--session-ttl 28800] [--attacker-port 8788]
// The port may also come from $PORT, the Redis URL from $REDIS_URL; without
// one, all state stays in this process's memory. The attacker page for the
// demo's cross-site attempt listens on --attacker-port (0: any free port). Binds to loopback unless told otherwise:
// the demo users' passwords are public.
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createServer } from './app.js';
import { createAttackerServer } from './attacker-page.js';
import { DEMO_USERS } from './users.js';

const USAGE =
  'usage: node demo-spa/server/main.js [--port N] [--host ADDR] [--static DIR] ' +
  '[--access-ttl SECONDS] [--refresh-ttl SECONDS] [--secure-cookies] [--redis URL] ' +
  '[--session-idle-ttl SECONDS] [--session-ttl SECONDS] [--attacker-port N]';

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function integer(name, text, min, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) fail(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      static: { type: 'string' },
      'access-ttl': { type: 'string', default: '30' },
      'refresh-ttl': { type: 'string', default: String(8 * 60 * 60) },
      'secure-cookies': { type: 'boolean', default: false },
      redis: { type: 'string' },
      'session-idle-ttl': { type: 'string', default: String(15 * 60) },
      'session-ttl': { type: 'string', default: String(8 * 60 * 60) },
      'attacker-port': { type: 'string', default: '8788' },
    },
  }));
} catch (error) {
  fail(error.message);
}

const port = integer('--port', values.port ?? process.env.PORT ?? '8787', 0, 65535);
if (values.static !== undefined && !(await stat(values.static).catch(() => null))?.isDirectory()) {
  fail(`--static ${values.static} is not a directory`);
}

const redisUrl = values.redis ?? (process.env.REDIS_URL || undefined);
if (redisUrl !== undefined && !/^rediss?:\/\/./.test(redisUrl)) fail('--redis must be a redis:// or rediss:// URL');

const attacker = createAttackerServer();
await new Promise((resolve, reject) => attacker.once('error', reject).listen(integer('--attacker-port', values['attacker-port'], 0, 65535), values.host, resolve));

const server = createServer({
  accessTokenTtl: integer('--access-ttl', values['access-ttl'], 1, 86400),
  refreshTokenTtl: integer('--refresh-ttl', values['refresh-ttl'], 1, 30 * 86400),
  staticDir: values.static,
  secureCookies: values['secure-cookies'],
  redisUrl,
  sessionIdleTtl: integer('--session-idle-ttl', values['session-idle-ttl'], 1, 30 * 86400),
  sessionAbsoluteTtl: integer('--session-ttl', values['session-ttl'], 1, 30 * 86400),
  attackerPort: attacker.address().port,
});

server.listen(port, values.host, () => {
  const { address, port: bound } = server.address();
  const host = address.includes(':') ? `[${address}]` : address;
  console.log(`edjwt demo backend on http://${host}:${bound}/`);
  console.log(redisUrl === undefined ? 'state: in memory' : `state: Redis at ${new URL(redisUrl).host}`);
  console.log(`attacker page (for the cross-site attempt) on port ${attacker.address().port}`);
  console.log(`demo users: ${DEMO_USERS.map((user) => `${user.username} / ${user.password}`).join(', ')}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    attacker.close();
    server.close(() => process.exit(0));
  });
}
