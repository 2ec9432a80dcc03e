/**
 * Debian's Chromium driven by playwright-core (no browser download). The flags keep it
 * quiet and offline: no sandbox (tests may run as root), no GPU, no background requests
 * that would show up as traffic to other origins.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
