// @ts-check
import { defineConfig } from 'astro/config';

// The public address of the site, for canonical links and the data package; set SITE_URL
// when deploying.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
