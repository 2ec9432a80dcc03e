import { pairHasPage } from '../lib/pair-pages';
/**
 * Two cities side by side from the published city summary. Text goes in through
 * textContent only: nothing from the data is parsed as markup.
 */
interface Config {
  locale: string;
  summary: string;
  /** The comparison page's address with CITY_A and CITY_B standing for the two ids (which are lower case). */
  pairHref: string;
  /** The fragment that shows a pair page with CITY_FIRST first. */
  orderAnchor: string;
  metrics: { id: string; label: string }[];
  notReported: string;
  pairPage: string;
  metricHeading: string;
  /** The summary's column of city names in the page's language (name, name_en). */
  nameColumn: string;
}
type SummaryRow = Record<string, string | number | null | string[]> & { province: string };

export function enhancePairComposer(root: Document): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-pair-composer]')) {
    const config = JSON.parse(section.dataset.pairComposer!) as Config;
    const output = section.querySelector<HTMLElement>('[data-output]')!;
    const selects = [...section.querySelectorAll('select')];
    const format = new Intl.NumberFormat(config.locale, { maximumFractionDigits: 1 });
    fetch(config.summary)
      .then((r) => r.json() as Promise<SummaryRow[]>)
      .then((rows) => {
        const byId = new Map(rows.map((r, i) => [String(r.city), { row: r, index: i }]));
        // A page that lists no cities (past HOME_CITIES_LIMIT) offers every city of the summary, by
        // the name the comparison's heading uses; the first and second are chosen, as in the HTML.
        selects.forEach((s, i) => {
          if (!s.length) for (const r of rows) s.add(new Option(String(r[config.nameColumn]), String(r.city), false, s.length === i));
        });
        const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
          const node = root.createElement(tag);
          if (text !== undefined) node.textContent = text;
          return node;
        };
        const render = () => {
          // The table keeps the reader's order (their own city first); a pair's page is in the
          // summary's order, and its fragment puts the reader's first city first there too.
          const [a, b] = selects.map((s) => byId.get(s.value));
          if (!a || !b) return;
          const [pageA, pageB] = a.index <= b.index ? [a, b] : [b, a];
          const table = el('table');
          const head = table.createTHead().insertRow();
          for (const text of [config.metricHeading, String(a.row[config.nameColumn]), String(b.row[config.nameColumn])]) {
            const th = el('th', text);
            th.scope = 'col';
            head.append(th);
          }
          const body = table.createTBody();
          for (const m of config.metrics) {
            const tr = body.insertRow();
            const th = el('th', m.label);
            th.scope = 'row';
            tr.append(th);
            for (const side of [a, b]) {
              const v = side.row[m.id];
              tr.append(el('td', typeof v === 'number' ? format.format(v) : config.notReported));
            }
          }
          output.replaceChildren(table);
          if (a !== b && pairHasPage(rows, a.row, b.row)) {
            const link = el('a', config.pairPage);
            const fragment = pageA === a ? '' : `#${config.orderAnchor.replace('CITY_FIRST', encodeURIComponent(String(a.row.city)))}`;
            link.href = config.pairHref.replace('CITY_A', encodeURIComponent(String(pageA.row.city))).replace('CITY_B', encodeURIComponent(String(pageB.row.city))) + fragment;
            const p = el('p');
            p.append(link);
            output.append(p);
          }
        };
        for (const s of selects) s.addEventListener('change', render);
        section.hidden = false;
        render();
      })
      .catch(() => {
        section.hidden = true;
      });
  }
}
