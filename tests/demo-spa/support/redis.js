// A private Redis for one test file: Debian's redis-server on a free loopback
// port with its data in a temporary directory (never the system service),
// stopped and restarted on the same port by hand, and stopped after the file
// (call it at the top level of a test file, not in a hook, which would stop it at the hook's end).
// Append-only with fsync on every write, so a restart keeps every session.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `{ url, port, cli(...args), stop(), start() }`; `cli` runs redis-cli against it and returns its trimmed output. */
export async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'edjwt-redis-'));
  const port = await freePort();
  let child;

  const cli = async (...args) => (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args])).stdout.trim();

  async function start() {
    child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
      '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no', '--logfile', join(dir, 'redis.log'),
    ], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.exited = exited;
    for (let i = 0; i < 100; i++) {
      if (await cli('PING').catch(() => '') === 'PONG') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  }

  async function stop() {
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await child.exited;
  }

  await start();
  after(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { url: `redis://127.0.0.1:${port}`, port, cli, stop, start };
}
