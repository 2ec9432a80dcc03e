import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticDataset } from '../../scripts/synthetic';
import { BUILD } from '../helpers/build';

/**
 * `npm run build` (scripts/build.ts) never leaves a half-written output folder and never
 * damages the previous build. Each failing build here is given an output folder holding a
 * "previous build", and must leave it byte for byte as it was, leave no temporary folder
 * beside it, and say why it stopped. All but one stop before Astro starts, so they are quick;
 * the last stops Astro halfway through writing.
 */
const work = mkdtempSync(join(tmpdir(), 'batik-safe-build-'));
const valid = writeSyntheticDataset(join(work, 'valid'), { cities: 4, eventsPerCity: 3 });

/** A copy of the valid dataset with one bad cell: line 3 of events.csv (data row 2), column "kind". */
const broken = (() => {
  cpSync(join(work, 'valid'), join(work, 'broken'), { recursive: true });
  const file = join(work, 'broken/data/events.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const cells = lines[2]!.split(',');
  expect(cells[2]).toBe('training');
  cells[2] = 'seminar';
  lines[2] = cells.join(',');
  writeFileSync(file, lines.join('\n'));
  return { dataDir: join(work, 'broken/data'), reportsDir: join(work, 'broken/reports') };
})();

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An output folder holding what stands for a previous good build, text and binary, nested. */
function previousBuild(name: string, files: Record<string, string | Buffer> = {}): string {
  const out = join(work, name, 'dist');
  const contents = {
    'index.html': '<!doctype html><title>the previous build</title>',
    'kota/blitar/index.html': '<!doctype html><title>Blitar</title>',
    'og/home.png': Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    ...files,
  };
  for (const [path, content] of Object.entries(contents)) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  mkdirSync(join(out, 'empty'));
  return out;
}

/** Every file and folder under a folder, with a hash of each file's bytes. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        out.push(`${relative(dir, path)}/`);
        walk(path);
      } else out.push(`${relative(dir, path)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

/** Anything beside the output folder that the build made: `dist.partial-…`, `dist.previous-…`. */
const leftovers = (out: string) => readdirSync(dirname(out)).filter((name) => name !== basename(out));

function environment(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BATIK_DATA_DIR: valid.dataDir, BATIK_REPORTS_DIR: valid.reportsDir, ...vars };
  if (!('SITE_URL' in vars)) delete env['SITE_URL'];
  return env;
}

/**
 * A build that is expected to stop early: its exit status and what it printed. Run as a child
 * process without blocking this one, so the cases below can run side by side.
 */
function failingBuild(vars: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(BUILD[0], BUILD.slice(1), { env: environment(vars), encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

// Each case is a child process of its own with its own output folder, so they run a few at a time.
describe.concurrent('a build that fails before Astro starts', () => {
  it.each([
    ['data with an error', { BATIK_DATA_DIR: broken.dataDir, BATIK_REPORTS_DIR: broken.reportsDir }, [/events\.csv:3, row 2, column "kind", value "seminar" \[[\w-]+\]/, /1 error/]],
    ['SITE_URL javascript:alert(1)', { SITE_URL: 'javascript:alert(1)' }, ['SITE_URL is "javascript:alert(1)"', 'not an absolute http: or https: address']],
    ['SITE_URL without a scheme', { SITE_URL: 'example.org' }, ['SITE_URL is "example.org"', 'not an absolute http: or https: address']],
    ['SITE_URL with a user name', { SITE_URL: 'https://user@x.org' }, ['SITE_URL is "https://user@x.org"', 'user name or password']],
    ['SITE_URL with a path that is not a folder', { SITE_URL: 'https://example.org/a/../batik/' }, ['SITE_URL is "https://example.org/a/../batik/"', 'not a folder of plain names']],
  ] as const)('%s: the previous build stays byte for byte, no temporary folder, the cause named', async (_, vars, causes) => {
    const out = previousBuild(`case-${Object.values(vars).join('-').replace(/\W+/g, '-')}`);
    const before = snapshot(out);
    const run = await failingBuild({ ...vars, BATIK_OUT_DIR: out });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(1);
    for (const cause of causes) expect(output).toMatch(cause);
    expect(output).toContain(`${relative(process.cwd(), out)} was not changed`);
    // Stopped before Astro: none of its output.
    expect(output).not.toMatch(/\[build\]|\[vite\]/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('refuses to replace a folder that is not a build of the site, and leaves it as it was', async ({ expect }) => {
    const out = join(work, 'not-a-build', 'notes');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'not a build');
    const before = snapshot(out);
    const run = await failingBuild({ BATIK_OUT_DIR: out });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/holds no index\.html, so it is not a build of this site/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('two builds outside the project at once', () => {
  it('each succeed, into their own folders: they share no temporary files', async () => {
    const outs = ['side-a', 'side-b'].map((name) => join(work, name, 'dist'));
    const runs = await Promise.all(
      outs.map(
        (out) =>
          new Promise<{ status: number; output: string }>((done) =>
            execFile(BUILD[0], BUILD.slice(1), { env: environment({ BATIK_OUT_DIR: out }), encoding: 'utf8', timeout: 170_000 }, (error, stdout, stderr) =>
              done({ status: error ? 1 : 0, output: `${stdout}\n${stderr}` }),
            ),
          ),
      ),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.status, run.output).toBe(0);
      expect(existsSync(join(outs[i]!, 'index.html'))).toBe(true);
      expect(existsSync(join(outs[i]!, 'cari', 'index.html'))).toBe(true);
      expect(leftovers(outs[i]!)).toEqual([]);
    }
  }, 180_000);
});

describe('a build stopped while Astro writes', () => {
  it('removes its half-written folder and leaves the previous build as it was', async () => {
    const out = previousBuild('interrupted');
    const before = snapshot(out);
    const build = spawn(BUILD[0], BUILD.slice(1), { env: environment({ BATIK_OUT_DIR: out }) });
    let output = '';
    build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => build.on('close', (code) => done(code)));
    // Wait until Astro has written into the build's temporary folder, then stop the build. The
    // output is outside the project, so that folder is the build's own inside the project
    // (scripts/build.ts), not `dist.partial-…` beside the output.
    const staging = join('node_modules', '.cache', 'batik-builds', String(build.pid));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (existsSync(staging) && readdirSync(staging).length > 0) break;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(existsSync(staging), output).toBe(true);
    build.kill('SIGTERM');
    expect(await exited, output).not.toBe(0);
    expect(output).toMatch(/Build interrupted \(SIGTERM\): .*dist was not changed/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(staging)).toBe(false);
  }, 180_000);
});
