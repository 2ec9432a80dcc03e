import type { Lang } from '../lib/format';

/** What every chart function takes: the language of its text, and optionally its size and id. */
export interface ChartOptions {
  lang: Lang;
  /**
   * Width of the wide layout's coordinate system (default WIDE.width); the SVG scales to its
   * container via viewBox. The narrow layout is always NARROW.width wide.
   */
  width?: number;
  /**
   * The chart's id, from which the ids of its <title> and <desc> are made. Each chart function
   * has a default that differs between charts; pass one when the same chart appears twice on a
   * page (say, a city page and an embed preview) so the ids stay unique.
   */
  id?: string;
}

/** The chart's figures as a table, shown next to it or instead of it. All cells are display text. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** One rendered chart with its words: pages and embeds only place these. */
export interface Chart {
  /** A slug, unique per chart on a page; the SVG's ids start with it. */
  id: string;
  title: string;
  /** One sentence saying what the chart shows, for the figure's heading or caption. */
  takeaway: string;
  /** A longer text alternative: what is drawn and every figure in it. */
  description: string;
  /**
   * A self-contained <svg> element with role="img", <title> and <desc>; no <style>, no style
   * attributes. The wide layout: the chart's image, and what a page shows in a wide column.
   */
  svg: string;
  /**
   * The same chart laid out for a narrow column, with ids of its own; null when `svg` adapts to
   * the width by itself. Pages place both with chartMarkup, which shows the one that fits.
   */
  narrowSvg: string | null;
  table: ChartTable;
}
