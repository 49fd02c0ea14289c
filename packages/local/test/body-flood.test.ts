import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killSpawned, type SpawnedNode, spawnNode } from '@todolist/bench-kit/spawned-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInLocally } from '../src/issuer/sign-in-locally.js';
import { ensureBuilt, gatewayBundle } from './support/built-dist.js';
import { findFreePort } from './support/free-port.js';

// A flood of large bodies against `npm start`: the gateway reads no further than a route takes,
// so a hundred 50 MB uploads at once cost it almost no memory, and each one gets its 413 while
// the upload is still being sent.

const UPLOADS = 100;
const UPLOAD_BYTES = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

let gateway: SpawnedNode;
let port: number;
let authorization: string;
let dataDir: string;

beforeAll(async () => {
  await ensureBuilt();
  port = await findFreePort();
  dataDir = await mkdtemp(join(tmpdir(), 'todolist-flood-'));
  gateway = spawnNode([gatewayBundle], {
    env: { HOME: tmpdir(), PORT: String(port), THROTTLE_RATE_LIMIT: '0', TODOLIST_DATA_DIR: dataDir },
  });
  await gateway.waitForStdout('todolist is running', 30_000);
  authorization = `Bearer ${(await signInLocally(`http://127.0.0.1:${port}`, 'flood@example.test')).accessToken}`;
}, 180_000);

afterAll(async () => {
  await killSpawned();
  await rm(dataDir, { recursive: true, force: true });
});

/** The gateway process's resident memory now, in bytes (Linux /proc). */
async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return Number(kilobytes) * 1024;
}

/**
 * Streams a 50 MB JSON-ish body with no Content-Length (chunked, so the gateway cannot refuse it
 * by its header alone) and answers the status; stops sending once the answer has come.
 */
function upload(): Promise<number> {
  return new Promise((resolve) => {
    const call = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/todos',
      headers: { authorization, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (!answered && sent < UPLOAD_BYTES) {
        sent += CHUNK.length;
        if (!call.write(CHUNK)) return void call.once('drain', pump);
      }
      if (!answered) call.end();
    };
    call.on('response', (response) => {
      answered = true;
      response.resume();
      response.on('end', () => {
        call.destroy();
        resolve(response.statusCode ?? 0);
      });
    });
    // A reset before the answer is a failure to answer: it counts as no status at all.
    call.on('error', () => {
      if (!answered) resolve(0);
    });
    call.write('{"title":"flood","notes":"');
    pump();
  });
}

describe('a flood of large bodies at the gateway', () => {
  it(`${UPLOADS} concurrent 50 MB bodies each get their 413, and the gateway's memory grows by less than 50 MB`, async () => {
    const pid = gateway.child.pid as number;
    const before = await residentBytes(pid);
    let peak = before;
    const sampler = setInterval(() => {
      residentBytes(pid).then(
        (now) => (peak = Math.max(peak, now)),
        () => undefined,
      );
    }, 20);
    const statuses = await Promise.all(Array.from({ length: UPLOADS }, upload)).finally(() =>
      clearInterval(sampler),
    );
    peak = Math.max(peak, await residentBytes(pid));

    expect(statuses).toEqual(Array(UPLOADS).fill(413));
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
    // Another person's request is still answered at once afterwards.
    const list = await fetch(`http://127.0.0.1:${port}/v1/todos`, { headers: { authorization } });
    expect(list.status).toBe(200);
  }, 120_000);
});
