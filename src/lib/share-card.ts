import { formatNumber } from './format';
import { escapeXml } from './escape';

/**
 * The Open Graph share image of a page: 1200 × 630, the page's title and up to four
 * figures, in both languages so one image serves both versions of the page.
 */
export interface ShareCard {
  title: string;
  subtitle: string;
  /** Each figure with what travels with it: `note` names a target, an inference or a facility not yet built ("70 sasaran"). */
  figures: { label: string; value: number | null; note?: string | undefined }[];
}

const WIDTH = 1200;
const HEIGHT = 630;

/** Cut text that would not fit on one line, marking the cut. */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function shareCardSvg(card: ShareCard): string {
  const figures = card.figures.slice(0, 4);
  const column = (WIDTH - 120) / Math.max(figures.length, 1);
  const cells = figures
    .map((f, i) => {
      const x = 60 + i * column;
      const value = formatNumber(f.value, 'id');
      // "Not reported" in words, in both languages: a dash would read as nil.
      const figure =
        value === null
          ? `<text x="${x}" y="400" font-size="30" font-style="italic" fill="#5a5249">tidak dilaporkan</text><text x="${x}" y="434" font-size="24" font-style="italic" fill="#5a5249">not reported</text>`
          : `<text x="${x}" y="430" font-size="80" font-weight="bold" fill="#7a3b12">${escapeXml(value)}</text>`;
      return figure +
        `<text x="${x}" y="480" font-size="26" fill="#3d3630">${escapeXml(fit(f.label, 22))}</text>` +
        (f.note ? `<text x="${x}" y="514" font-size="22" fill="#5a5249">${escapeXml(fit(f.note, 26))}</text>` : '');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fdfbf7"/>` +
    `<rect width="${WIDTH}" height="16" fill="#7a3b12"/>` +
    `<text x="60" y="110" font-size="30" fill="#5a5249">Batik Kota</text>` +
    `<text x="60" y="200" font-size="64" font-weight="bold" fill="#1c1a17">${escapeXml(fit(card.title, 32))}</text>` +
    `<text x="60" y="260" font-size="30" fill="#3d3630">${escapeXml(fit(card.subtitle, 64))}</text>` +
    cells +
    `<text x="60" y="580" font-size="22" fill="#5a5249">${escapeXml('Menurut laporan berita · As reported in the news · CC BY 4.0')}</text>` +
    `</svg>`;
}
