/**
 * The search page's script. It shows the form and looks the reader's words up in Pagefind's
 * index of the page's language (Pagefind reads `<html lang>` and loads that language's index).
 * Pagefind's script, its WebAssembly and the index are fetched only once the reader starts: on
 * focusing the field, typing, or arriving with ?q= in the address. Every result is written with
 * textContent and <mark> elements made here; nothing from the index becomes markup in the page.
 */
interface Config {
  /** Where Pagefind's bundle is served (SEARCH_BUNDLE). */
  bundle: string;
  loading: string;
  countOne: string;
  countMany: string;
  shown: string;
  none: string;
  failed: string;
}

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: SubResult[];
}
/** The part of Pagefind's search API used here (https://pagefind.app/docs/api/). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<ResultData> }[] } | null>;
}

/** Results shown at once: the best ones; a reader who needs more refines the words. */
const SHOWN = 20;
/** Sections of a page (a report on the sources page, say) linked under its result. */
const SECTIONS = 3;
/** Typing pauses this long before a search runs. */
const DEBOUNCE_MS = 200;

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(bundle: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A path known only in the browser: the bundler must leave this import alone.
    const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // On the page's own thread: a worker would run under the policy of its own script's
    // response rather than the search page's (see SEARCH_CSP in src/lib/security-headers.ts).
    // A city's name finds its page first: city pages carry the name as `city` metadata
    // (src/layouts/Base.astro), weighted above a title (5 by default). Otherwise the many
    // short event pages with the city in their titles outrank the long city page.
    await api.options({ noWorker: true, excerptLength: 24, ranking: { metaWeights: { title: 5, city: 20 } } });
    await api.init();
    return api;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

/**
 * Pagefind's excerpt is HTML: the page's text with its entities encoded and the matched words
 * in <mark>. It is parsed into an inert document (no script runs and nothing loads there) and
 * only its text and its marks are carried over.
 */
function excerptNodes(doc: Document, html: string): Node[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const out: Node[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (node.parentElement?.closest('mark')) {
      const mark = doc.createElement('mark');
      mark.textContent = text;
      out.push(mark);
    } else out.push(doc.createTextNode(text));
  }
  return out;
}

/** A link to a page of this site only: Pagefind's addresses are the site's own paths. */
function link(doc: Document, url: string, text: string): HTMLAnchorElement {
  const a = doc.createElement('a');
  const target = new URL(url, doc.baseURI);
  a.href = target.origin === doc.location.origin ? target.pathname + target.search + target.hash : '#';
  a.textContent = text;
  return a;
}

function resultItem(doc: Document, data: ResultData): HTMLLIElement {
  const li = doc.createElement('li');
  const heading = doc.createElement('p');
  heading.className = 'search-title';
  heading.append(link(doc, data.url, data.meta['title'] ?? data.url));
  if (data.meta['kind']) {
    const kind = doc.createElement('span');
    kind.className = 'muted';
    kind.textContent = ` · ${data.meta['kind']}`;
    heading.append(kind);
  }
  const excerpt = doc.createElement('p');
  excerpt.append(...excerptNodes(doc, data.excerpt));
  li.append(heading, excerpt);
  const sections = (data.sub_results ?? [])
    .filter((s) => s.url.includes('#') && s.title)
    .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
    .slice(0, SECTIONS);
  if (sections.length) {
    const ul = doc.createElement('ul');
    for (const s of sections) {
      const item = doc.createElement('li');
      item.append(link(doc, s.url, s.title));
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

export function enhanceSearch(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-search]');
  const status = doc.querySelector<HTMLElement>('[data-search-status]');
  const list = doc.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !status || !list) return;
  const config = JSON.parse(form.dataset['search']!) as Config;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  form.hidden = false;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-search-noscript]')) el.hidden = true;

  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (raw: string) => {
    const query = raw.trim();
    const mine = ++latest;
    const address = new URL(doc.location.href);
    if (query) address.searchParams.set('q', query);
    else address.searchParams.delete('q');
    history.replaceState(null, '', address.pathname + address.search);
    if (!query) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    status.textContent = config.loading;
    try {
      const api = await loadPagefind(config.bundle);
      const found = await api.search(query);
      if (mine !== latest || !found) return;
      const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
      if (mine !== latest) return;
      const n = found.results.length;
      status.textContent = fill(n === 0 ? config.none : n > SHOWN ? config.shown : n === 1 ? config.countOne : config.countMany, { n, query, shown: SHOWN });
      list.replaceChildren(...data.map((d) => resultItem(doc, d)));
    } catch (e) {
      if (mine !== latest) return;
      console.error(e);
      status.textContent = config.failed;
      list.replaceChildren();
    }
  };

  // Fetching starts when the reader turns to the field, so the index is there by the time they type.
  input.addEventListener('focus', () => void loadPagefind(config.bundle).catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  const asked = new URLSearchParams(doc.location.search).get('q');
  if (asked) {
    input.value = asked;
    void run(asked);
  }
}
