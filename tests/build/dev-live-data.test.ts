import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { href } from '../../src/lib/routes';

/**
 * A curator previewing with `astro dev` sees an edit to a data file on the next page load,
 * without restarting the server; and a broken edit shows the validator's error, not old figures.
 */
const EVENT = 'probolinggo-2022-pelatihan-dasar-batik';
const work = mkdtempSync(join(tmpdir(), 'batik-dev-'));
const dataDir = join(work, 'data');
cpSync('tests/fixtures/five-reports', dataDir, { recursive: true });
const eventsFile = join(dataDir, 'events.csv');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let dev: ChildProcess;
let origin: string;
let output = '';

const page = async (path: string) => {
  const response = await fetch(new URL(path, origin));
  return { status: response.status, text: await response.text() };
};

/**
 * The page once `ready` holds of it (the server may log an error a moment after answering), or
 * the last answer after 45 s: on a machine busy with the rest of the suite, the dev server took
 * more than 10 s to validate and render the edited data.
 */
async function pageWhen(path: string, ready: (p: { status: number; text: string }) => boolean) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const p = await page(path);
    if (ready(p) || Date.now() > deadline) return p;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    // The fixture has no report texts: its evidence is not checked, even where CI requires the real reports.
    env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: join(work, 'no-reports'), BATIK_REQUIRE_REPORTS: '0', CI: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (d) => (output += d));
  dev.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await page('/')).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('astro dev with live data', () => {
  const path = href({ page: 'event', id: EVENT }, 'id');

  it('shows an edited title on the next load, without a restart', async () => {
    expect((await page(path)).text).toContain('Pelatihan dasar batik');
    writeFileSync(eventsFile, readFileSync(eventsFile, 'utf8').replace('Pelatihan dasar batik,', 'Pelatihan dasar batik tulis,'));
    const after = await pageWhen(path, (p) => p.text.includes('Pelatihan dasar batik tulis'));
    expect(after.status).toBe(200);
    expect(after.text).toContain('Pelatihan dasar batik tulis');
  });

  it('shows the validator’s error for a broken edit, naming the file and rule', async () => {
    writeFileSync(eventsFile, readFileSync(eventsFile, 'utf8').replace(`${EVENT},probolinggo,training,`, `${EVENT},probolinggo,workshop,`));
    const error = /events\.csv:2.*\[enum\]/;
    const broken = await pageWhen(path, (p) => p.status === 500 && error.test(`${p.text}\n${output}`));
    expect(broken.status).toBe(500);
    expect(`${broken.text}\n${output}`).toMatch(error);
  });
});
