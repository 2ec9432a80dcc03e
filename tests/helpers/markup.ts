import { load } from 'cheerio';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { EMBED_THEME_SCRIPT } from '../../src/styles/embed-style';

/**
 * The site's hand-made scripts: the .js files in public/ (e.g. the embed frame script,
 * a classic script since module scripts need CORS inside a sandboxed iframe). Nothing in
 * public/ comes from the data.
 */
export function publicScripts(publicDir = 'public'): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) out.add(`/${relative(publicDir, path).split(sep).join('/')}`);
    }
  };
  walk(publicDir);
  return out;
}

/**
 * Markup that must never come out of the data: script elements other than the site's own
 * (bundled module scripts under /_astro/, the hand-made scripts of public/, and the embed
 * pages' inline theme script, exactly as its hash allows it), any other inline script,
 * event-handler attributes, script-bearing addresses, and the `<img src=x>` element
 * of the classic injection. Used over every built page and every SVG.
 */
export function unsafeMarkup(html: string, label: string, ownScripts: ReadonlySet<string> = publicScripts()): string[] {
  const problems: string[] = [];
  const $ = load(html, { xml: false });
  // The classic injection must never become an element. Inside a quoted attribute value
  // (a meta description, say) "<img" is text: HTML needs only the quote and the ampersand
  // escaped there, which the attribute tests below prove by reading the value back whole.
  if ($('img[src="x"]').length) problems.push(`${label}: ${$('img[src="x"]').length} injected <img src=x> element(s)`);
  $('script').each((_, el) => {
    const $el = $(el);
    const src = $el.attr('src') ?? '';
    const bundled = src.startsWith('/_astro/') && $el.attr('type') === 'module';
    const own = src ? (bundled || ownScripts.has(src)) && $el.text().trim() === '' : $el.text() === EMBED_THEME_SCRIPT;
    if (!own) problems.push(`${label}: <script${src ? ` src="${src}"` : ''}${$el.attr('type') ? ` type="${$el.attr('type')}"` : ''}> ${$el.text().slice(0, 80)}`);
  });
  $('*').each((_, el) => {
    if (!('attribs' in el)) return;
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`${label}: <${el.tagName} ${name}="${value.slice(0, 80)}">`);
      if (/^(href|src|xlink:href|action|formaction|data|srcset|poster)$/i.test(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u001f]/g, '')))
        problems.push(`${label}: <${el.tagName} ${name}="${value.slice(0, 80)}"> runs script`);
    }
  });
  $('object, embed, applet, base, iframe[srcdoc], meta[http-equiv]').each((_, el) => {
    const $el = $(el);
    if ('tagName' in el && el.tagName === 'meta' && !/refresh|set-cookie/i.test($el.attr('http-equiv') ?? '')) return;
    problems.push(`${label}: <${'tagName' in el ? el.tagName : '?'}> element`);
  });
  return problems;
}

/** Every inline SVG of a page, as its own markup. */
export function inlineSvgs(html: string): string[] {
  const $ = load(html);
  return $('svg').map((_, el) => $.html(el)).get();
}

/**
 * Every `<path>` without a drawing in some markup (a page, or an SVG file when `xml`): no `d`,
 * or a `d` of only white space. A renderer draws nothing for them, and the Nu checker refuses
 * an empty `d`; they mean a chart drew a shape that was not there.
 */
export function emptyPaths(markup: string, xml = false): string[] {
  const $ = load(markup, { xml });
  return $('path')
    .filter((_, el) => ($(el).attr('d') ?? '').trim() === '')
    .map((_, el) => `<path${Object.entries(el.attribs).map(([name, value]) => ` ${name}="${value}"`).join('')}/>`)
    .get();
}
