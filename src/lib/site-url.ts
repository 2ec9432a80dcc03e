/**
 * The public address of the site (SITE_URL), from which canonical links, hreflang pairs, the
 * sitemap, oEmbed and the embed snippets are made absolute. A wrong value is published in
 * every page, so it is checked before anything is built rather than trusted.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321/';

export type SiteUrl =
  /** `isDefault` when SITE_URL is not set: fine locally, wrong for publishing. */
  | { ok: true; url: string; isDefault: boolean }
  | { ok: false; message: string };

const SHAPE = 'give the address the site is published at, such as https://example.org or https://example.org/batik/';

/**
 * Checks SITE_URL: unset gives the local default; set, it must be an absolute http: or https:
 * address with a host, no user name or password, no query or fragment, and a path only of
 * folders: the root of a host, or the folder the site is served under
 * (`https://example.org/batik/`, which becomes Astro's `base`; see sitePath). The address is
 * checked as written, not only as the URL parser reads it, since the parser quietly repairs
 * some mistakes (`http:example.org`, surrounding spaces, backslashes, `/a/../b`). The address
 * returned always ends in a slash, so that it names the folder.
 */
export function checkSiteUrl(value: string | undefined): SiteUrl {
  if (value === undefined) return { ok: true, url: DEFAULT_SITE_URL, isDefault: true };
  const refuse = (why: string): SiteUrl => ({ ok: false, message: `SITE_URL is ${JSON.stringify(value)}: ${why}.` });
  if (value === '') return refuse(`it is set but empty; ${SHAPE}, or leave it unset to build for http://localhost:4321`);
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return refuse(`it contains white space, a control character or a backslash; ${SHAPE}`);
  if (!/^https?:\/\//i.test(value)) return refuse(`it is not an absolute http: or https: address; ${SHAPE}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(`it is not a valid address; ${SHAPE}`);
  }
  if (url.hostname === '') return refuse(`it has no host; ${SHAPE}`);
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/]*@/i.test(value))
    return refuse(`it carries a user name or password, which every page would publish; ${SHAPE}`);
  if (value.includes('?') || value.includes('#')) return refuse(`it has a query or a fragment; ${SHAPE}`);
  // The path goes into every address the site writes (astro.config.mjs makes it the base), so
  // each folder must be a plain name: no empty folder (`//`), no `.` or `..` for the parser to
  // resolve away, nothing it would percent-encode.
  const path = /^https?:\/\/[^/]*(\/.*)?$/i.exec(value)?.[1] ?? '/';
  if (!/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/.test(path))
    return refuse(
      `its path ${path} is not a folder of plain names (letters, digits and "-", "_", "~" or ".", not leading); ${SHAPE}`,
    );
  return { ok: true, url: url.href.endsWith('/') ? url.href : `${url.href}/`, isDefault: false };
}

/**
 * The folder the site is served under, from a checked SITE_URL: '/' at the root of a host,
 * '/batik/' for https://example.org/batik/. astro.config.mjs gives it to Astro as `base`.
 */
export const sitePath = (siteUrl: string): string => new URL(siteUrl).pathname;

/**
 * Whether this build is for publishing: `npm run build:publish` (BATIK_PUBLISH=1), or a build
 * on a static host's build service (Netlify sets NETLIFY=true, Cloudflare Pages CF_PAGES=1).
 * A publishing build never falls back to the local address.
 */
export const isPublishing = (env: NodeJS.ProcessEnv): boolean => env['BATIK_PUBLISH'] === '1' || env['NETLIFY'] === 'true' || env['CF_PAGES'] === '1';

/** SITE_URL checked for a build: as checkSiteUrl, and required when the build is for publishing. */
export function checkBuildSiteUrl(env: NodeJS.ProcessEnv): SiteUrl {
  const checked = checkSiteUrl(env['SITE_URL']);
  if (checked.ok && checked.isDefault && isPublishing(env))
    return {
      ok: false,
      message: `SITE_URL is not set, and this is a publishing build (${env['BATIK_PUBLISH'] === '1' ? 'BATIK_PUBLISH=1' : env['NETLIFY'] === 'true' ? 'on Netlify' : 'on Cloudflare Pages'}): every canonical link, the sitemap, oEmbed and the embed snippets would point at ${DEFAULT_SITE_URL.replace(/\/$/, '')}. Set SITE_URL to the address the site is published at, e.g. SITE_URL=https://example.org.`,
    };
  return checked;
}

/** The checked address for astro.config.mjs; throws with the same message the build script prints. */
export function siteUrlOrThrow(env: NodeJS.ProcessEnv = process.env): string {
  const checked = checkBuildSiteUrl(env);
  if (!checked.ok) throw new Error(checked.message);
  return checked.url;
}
