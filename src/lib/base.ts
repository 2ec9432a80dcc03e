/**
 * The folder the site is served under, and the one way to put it in front of an address.
 *
 * At the root of a host the base is '/'; SITE_URL=https://example.org/batik/ makes it '/batik/'
 * (sitePath in site-url.ts), which astro.config.mjs gives to Astro as `base`. Vite then writes it
 * into every module it builds as import.meta.env.BASE_URL: pages, endpoints and browser scripts
 * alike. Astro puts it in front of its own bundled files (/_astro/…); every other address the
 * site writes — page links, downloads, stylesheets, the embed scripts, Pagefind's bundle, the
 * _headers patterns — goes through withBase, so that nothing points at the root of a host the
 * site does not own.
 */

/**
 * `path`, an address from the root of the site ('/kota/blitar/'), as served under `base`
 * ('/batik/kota/blitar/'); under the base '/' it is returned as it is. The base defaults to
 * Astro's, read when called rather than when this module loads: the command-line scripts import
 * some modules outside Vite, where import.meta.env does not exist, and astro.config.mjs is read
 * through a Vite server of its own whose base is always '/'. Both pass the base themselves.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  if (!path.startsWith('/')) throw new Error(`withBase takes an address from the root of the site, not ${JSON.stringify(path)}`);
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`the base must begin and end with "/", not ${JSON.stringify(base)}`);
  return `${base}${path.slice(1)}`;
}

/**
 * The absolute address of the site's home under `site` (Astro's `site`): https://example.org/batik/.
 * Embeds, oEmbed and downloads make their absolute addresses from it.
 */
export const siteRoot = (site: URL | undefined): URL => new URL(withBase('/'), site);

/** The site's address as a reader writes it, without scheme or final slash: example.org/batik. */
export const siteAddress = (root: URL): string => `${root.host}${root.pathname.replace(/\/$/, '')}`;
