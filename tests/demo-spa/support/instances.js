// Demo backend instances as separate processes (`node demo-spa/server/main.js
// --redis …`), as one would run them behind a load balancer, each on its own
// free port; stopped after the test file. `request`/`login` talk to one
// instance the way a browser tab would.
import { spawn } from 'node:child_process';
import { after } from 'node:test';
import { postJson, refreshCookie } from './server.js';

const main = new URL('../../../demo-spa/server/main.js', import.meta.url).pathname;

/** Starts an instance; resolves once it serves requests from Redis and listens for revocations. */
export async function startInstance(redis, args = []) {
  const child = spawn(process.execPath, [main, '--port', '0', '--attacker-port', '0', '--redis', redis.url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  after(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  });

  const subscribersBefore = await subscribers(redis);
  let origin;
  for (let i = 0; i < 200 && !origin; i++) {
    origin = /on (http:\/\/\S+?)\/$/m.exec(output.stdout)?.[1];
    if (!origin) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!origin) throw new Error(`instance did not start: ${output.stderr}`);
  for (let i = 0; i < 200 && (await subscribers(redis)) <= subscribersBefore; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  const request = (path, init = {}) => fetch(origin + path, init);
  async function login(username = 'alice') {
    const response = await postJson(request, '/auth/login', { username, password: `${username}-password` });
    const body = await response.json();
    return { response, body, accessToken: body.access_token, cookie: refreshCookie(response) };
  }
  const refresh = (cookie) => request('/auth/refresh', { method: 'POST', headers: { cookie } });
  return { origin, request, login, refresh, output, child, running: () => child.exitCode === null && child.signalCode === null };
}

async function subscribers(redis) {
  return Number((await redis.cli('PUBSUB', 'NUMSUB', 'edjwt:revocations')).split('\n')[1]);
}
