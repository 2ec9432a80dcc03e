import { EMBED_THEMES, EMBED_WIDTHS, tailorSnippet, themeQuery, type EmbedTheme } from '../lib/embed';
import { BUILDER_UI, BUILDER_UI_SEPARATOR } from './embed-builder-ui';

/**
 * The embed builder. EmbedPanel.astro's small script adds this file to the page the first time
 * a reader opens an embed panel (details[data-embed-builder]), so a page that shows embed
 * panels loads none of it until then. Without JavaScript a panel shows its snippets to select
 * and copy; this adds the choices of width and theme, rewrites the snippets as they change,
 * gives each snippet a copy button (the clipboard where the browser allows it, else the text
 * selected for Ctrl+C) and shows a live preview: an iframe of the embed page, sized from the
 * height it reports, as our host script sizes it on a newsroom's page. Text is set as
 * textContent or value only, and styles through the CSSOM, as the site's
 * Content-Security-Policy requires.
 */

/** The preview iframes on the page, whose height messages are accepted. */
const previews: HTMLIFrameElement[] = [];

/** A preview's height, from the same message our host script accepts, and from a preview only. */
function resize(event: MessageEvent): void {
  const frame = previews.find((f) => f.contentWindow === event.source);
  const data: unknown = event.data;
  if (!frame || typeof data !== 'object' || data === null) return;
  const { type, version, height } = data as Record<string, unknown>;
  if (type !== 'batik-kota:height' || version !== 1 || typeof height !== 'number' || !Number.isFinite(height)) return;
  frame.style.height = `${Math.round(Math.min(4000, Math.max(120, height)))}px`;
}

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
};

export function enhanceEmbedPanel(panel: HTMLElement): void {
  const { src = '', width: fullWidth = '', title = '', ui: words = '' } = panel.dataset;
  const parts = words.split(BUILDER_UI_SEPARATOR);
  const ui = Object.fromEntries(BUILDER_UI.map((key, i) => [key, parts[i] ?? ''])) as Record<(typeof BUILDER_UI)[number], string>;
  const snippets = panel.querySelectorAll('textarea');

  const widthLabel = make('label', `${ui['embed.width']} `);
  const select = make('select');
  const choices: [string, string][] = [['', ui['embed.widthFull']], ...EMBED_WIDTHS.filter((w) => w < Number(fullWidth)).map((w): [string, string] => [String(w), `${w} px`])];
  for (const [value, text] of choices) {
    const option = make('option', text);
    option.value = value;
    select.append(option);
  }
  widthLabel.append(select);

  const fieldset = make('fieldset');
  fieldset.append(make('legend', ui['embed.theme']));
  for (const theme of EMBED_THEMES) {
    const label = make('label');
    const radio = make('input');
    Object.assign(radio, { type: 'radio', name: `${panel.id}-theme`, value: theme, checked: theme === 'light' });
    label.append(radio, ` ${ui[`embed.theme.${theme}`]}`);
    Object.assign(label.style, { display: 'inline-block', margin: '0 1rem 0 0', fontWeight: 'normal' });
    fieldset.append(label);
  }
  Object.assign(fieldset.style, { border: '0', padding: '0' });

  const frame = make('iframe');
  frame.title = ui['embed.previewTitle'].replace('{title}', title);
  frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
  Object.assign(frame.style, { display: 'block', width: '100%', height: '200px', border: '1px solid' });
  if (!previews.length) window.addEventListener('message', resize);
  previews.push(frame);

  const options = make('div');
  options.className = 'embed-options';
  options.append(widthLabel, fieldset, make('p', ui['embed.preview']), frame);
  (panel.querySelector('summary + p') ?? panel.querySelector('summary'))?.after(options);

  const status = make('p');
  status.setAttribute('role', 'status');
  for (const textarea of snippets) {
    const button = make('button', ui['embed.copy']);
    button.type = 'button';
    // Every copy button would be named "Salin" alone: its name says which snippet it copies.
    button.setAttribute('aria-label', `${ui['embed.copy']}: ${textarea.labels[0]?.textContent ?? ''}`);
    button.addEventListener('click', () => {
      const fallback = () => {
        textarea.focus();
        textarea.select();
        status.textContent = ui['embed.selected'];
      };
      try {
        navigator.clipboard.writeText(textarea.value).then(() => (status.textContent = ui['embed.copied']), fallback);
      } catch {
        // No clipboard API (a page served over http:, an old browser): the text is selected for the reader to copy.
        fallback();
      }
    });
    textarea.after(button);
  }
  snippets[snippets.length - 1]?.nextElementSibling?.after(status);

  const update = () => {
    const theme = (fieldset.querySelector<HTMLInputElement>(':checked')?.value ?? 'light') as EmbedTheme;
    const width = Number(select.value) || undefined;
    for (const textarea of snippets) textarea.value = tailorSnippet(textarea.defaultValue, src, { theme, width });
    // The preview frames the embed page on the site the reader is on (the snippets name the published site).
    const address = new URL(src).pathname + themeQuery(theme);
    if (frame.getAttribute('src') !== address) frame.src = address;
    // As the host script sizes the iframe: the column's width, or at most the width chosen.
    frame.style.maxWidth = width ? `${width}px` : '';
  };
  options.addEventListener('change', update);
  update();
}

/** Builds every open panel not built yet: the one whose opening loaded this file, and any opened later. */
function buildOpen(): void {
  for (const panel of document.querySelectorAll<HTMLElement>('details[data-embed-builder][open]:not([data-built])')) {
    panel.setAttribute('data-built', '');
    enhanceEmbedPanel(panel);
  }
}
// 'toggle' does not bubble: it is caught on its way down.
document.addEventListener('toggle', buildOpen, true);
buildOpen();
