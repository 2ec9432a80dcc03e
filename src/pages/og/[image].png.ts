import type { APIRoute, GetStaticPaths } from 'astro';
import { HEADLINE_METRICS, METRICS, type MetricValue } from '../../lib/metrics';
import { qualifierText } from '../../lib/qualifiers';
import { svgToPng } from '../../lib/raster';
import { shareCardSvg, type ShareCard } from '../../lib/share-card';
import { siteModel } from '../../lib/site';

/** Share images generated at build time: one for the site, one per city, one per metric. */
export const getStaticPaths = (() => {
  const { profiles, rankings } = siteModel();
  const figure = (label: string, v: MetricValue) => ({ label, value: v.value, note: qualifierText(v, 'id', 'short') || undefined });
  const headline = METRICS.filter((m) => HEADLINE_METRICS.includes(m.id));
  const cards: [string, ShareCard][] = [
    ['site', { title: 'Batik Kota', subtitle: 'Pengembangan industri batik · Batik industry development', figures: [] }],
    ...profiles.map((p): [string, ShareCard] => [
      `city-${p.city.id}`,
      { title: p.city.name, subtitle: `${p.city.province} · ${p.city.name_en}`, figures: headline.map((m) => figure(m.label.id, p.metrics[m.id])) },
    ]),
    ...METRICS.map((m): [string, ShareCard] => [
      `metric-${m.id}`,
      { title: `${m.label.id} · ${m.label.en}`, subtitle: m.definition.id, figures: rankings[m.id].entries.map(({ item: p }) => figure(p.city.name, p.metrics[m.id])) },
    ]),
  ];
  return cards.map(([image, card]) => ({ params: { image }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await svgToPng(shareCardSvg(props.card as ShareCard), 1200)), { headers: { 'Content-Type': 'image/png' } });
