/**
 * Completes package-lock.json after `npm install` (run it through `npm run lock`).
 *
 * Rollup and other build tools list one optional package per platform. The registry this
 * project's machines reach serves only some of them, so npm leaves the others out of the lock,
 * and `npm ci` then refuses the lock as out of sync. This adds an entry for each missing
 * platform package, with its os, cpu and libc, so `npm ci` accepts the lock and, as for any
 * optional package of another platform, skips it without downloading.
 */
import { readFileSync, writeFileSync } from 'node:fs';
const path = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pkgs = lock.packages;
const platform = (name) => {
  const m = /(android|darwin|freebsd|linux|openbsd|openharmony|win32|sunos|aix|netbsd)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x|mips64el|wasm32)(?:-(gnu|musl|msvc|gnueabihf|musleabihf))?/.exec(name);
  if (!m) return null;
  const entry = { os: [m[1] === 'openharmony' ? 'openharmony' : m[1]], cpu: [m[2]] };
  if (m[3] === 'gnu' || m[3] === 'gnueabihf') entry.libc = ['glibc'];
  if (m[3] === 'musl' || m[3] === 'musleabihf') entry.libc = ['musl'];
  return entry;
};
let added = 0;
for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = key === '' ? 'node_modules' : `${key}/node_modules`;
    // Resolution: nested first, then hoisted to the root.
    if (pkgs[`${base}/${dep}`] || pkgs[`node_modules/${dep}`]) continue;
    const p = platform(dep);
    if (!p && dep !== 'fsevents') continue;
    pkgs[`node_modules/${dep}`] = { version: range.replace(/^[~^]/, ''), dev: entry.dev, optional: true, ...(p ?? { os: ['darwin'] }) };
    added++;
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} entries`);
