import type { APIRoute, GetStaticPaths } from 'astro';
import { HEADLINE_METRICS, METRICS } from '../../lib/metrics';
import { svgToPng } from '../../lib/raster';
import { shareCardSvg, type ShareCard } from '../../lib/share-card';
import { siteModel } from '../../lib/site';

/** Share images generated at build time: one for the site, one per city, one per metric. */
export const getStaticPaths = (() => {
  const { profiles } = siteModel();
  const headline = METRICS.filter((m) => HEADLINE_METRICS.includes(m.id));
  const cards: [string, ShareCard][] = [
    ['site', { title: 'Batik Kota', subtitle: 'Pengembangan industri batik · Batik industry development', figures: [] }],
    ...profiles.map((p): [string, ShareCard] => [
      `city-${p.city.id}`,
      { title: p.city.name, subtitle: `${p.city.province} · ${p.city.name_en}`, figures: headline.map((m) => ({ label: m.label.id, value: p.metrics[m.id].value })) },
    ]),
    ...METRICS.map((m): [string, ShareCard] => [
      `metric-${m.id}`,
      { title: `${m.label.id} · ${m.label.en}`, subtitle: m.definition.id, figures: [...profiles].sort((a, b) => (b.metrics[m.id].value ?? -1) - (a.metrics[m.id].value ?? -1)).map((p) => ({ label: p.city.name, value: p.metrics[m.id].value })) },
    ]),
  ];
  return cards.map(([image, card]) => ({ params: { image }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(svgToPng(shareCardSvg(props.card as ShareCard), 1200)), { headers: { 'Content-Type': 'image/png' } });
