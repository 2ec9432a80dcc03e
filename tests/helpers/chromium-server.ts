import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

/**
 * Global setup of the browser project: one Chromium for the whole run, which every test file
 * connects to (launchChromium in tests/helpers/browser.ts) and opens its own contexts in, so
 * files never share cookies, storage or routes. Closed when the run ends.
 */
export default async function setup(project: TestProject) {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
