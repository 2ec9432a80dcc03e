import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import type { City } from '../lib/dataset';
import { cityColour, NEUTRAL } from './colours';
import { formatCoordinate, formatList } from './formatters';
import { labelsFor } from './labels';
import { cityName, estimateTextWidth, NARROW, shorten, slug, type Layout } from './layout';
import { NARROW_CLASS, renderChart, WIDE_CLASS, type Drawing } from './render';
import type { Chart, ChartOptions } from './types';

/**
 * Country outlines from Natural Earth (1:50m) through world-atlas, converted once per process.
 * The projection's frame clip trims them to the area around the cities, so the SVG carries
 * only the coastline in view.
 */
let countries: { shape: Feature<Geometry>; bounds: [[number, number], [number, number]] }[] | null = null;
function countryShapes() {
  if (!countries) {
    const topology = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
    const shapes = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry>).features;
    // Each country's box, computed once: a national build draws a map for every province.
    countries = shapes.map((shape) => ({ shape, bounds: d3.geoBounds(shape) }));
  }
  return countries;
}

/**
 * The countries whose bounding box meets the extent's, a cheap first cut so the clip below
 * projects a handful of outlines rather than every country. A box crossing the antimeridian
 * (west > east) is kept; the clip handles it.
 */
function countriesWithin(extent: Feature<MultiPoint>): Feature<Geometry>[] {
  const [[west, south], [east, north]] = d3.geoBounds(extent);
  return countryShapes()
    .filter(({ bounds: [[w, s], [e, n]] }) => w > e || (w <= east && e >= west && s <= north && n >= south))
    .map(({ shape }) => shape);
}

/**
 * A render transform for the geo mark that drops every shape the frame clips away entirely.
 * A box that meets the extent's can still miss the frame (a neighbour's box reaching into the
 * corner of the map while its land does not), and Plot would draw it as an empty `<path/>`.
 * The test uses the very path generator the mark draws with, so what is kept is exactly what
 * has something to draw.
 */
const onlyVisibleShapes: Plot.RenderFunction = (index, scales, values, dimensions, context, next) => {
  const path = context.path();
  const shapes = values.geometry ?? [];
  return next!(index.filter((i) => path(shapes[i]) !== null), scales, values, dimensions, context);
};

/** The area shown when there are no cities: Java, from Banten to Banyuwangi. */
const JAVA: [[number, number], [number, number]] = [
  [105.0, -9.0],
  [115.0, -5.5],
];

/** At least this many degrees across, so one city or a tight cluster still shows its coast. */
const MIN_SPAN = 4;

/**
 * The longitude–latitude box to show: the cities' own box, padded by a third of its size on
 * every side and widened to MIN_SPAN degrees, as a MultiPoint of its corners for Plot to fit.
 */
export function mapExtent(cities: readonly City[]): Feature<MultiPoint> {
  let [[west, south], [east, north]] = JAVA;
  if (cities.length) {
    const lons = cities.map((c) => c.longitude);
    const lats = cities.map((c) => c.latitude);
    const padLon = Math.max((Math.max(...lons) - Math.min(...lons)) / 3, (MIN_SPAN - (Math.max(...lons) - Math.min(...lons))) / 2);
    const padLat = Math.max((Math.max(...lats) - Math.min(...lats)) / 3, (MIN_SPAN - (Math.max(...lats) - Math.min(...lats))) / 2);
    [west, east] = [Math.min(...lons) - padLon, Math.max(...lons) + padLon];
    [south, north] = [Math.min(...lats) - padLat, Math.max(...lats) + padLat];
  }
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
      ],
    },
  };
}

/** The height that gives the extent its true shape in the Mercator projection at this width. */
function heightFor(extent: Feature<MultiPoint>, width: number): number {
  const [[x0, y0], [x1, y1]] = d3.geoPath(d3.geoMercator().scale(1).translate([0, 0])).bounds(extent);
  return Math.round(Math.min(Math.max(((y1 - y0) / (x1 - x0)) * width, 200), width));
}

/** A label's box in the map's coordinates. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Where a label can go around its dot, in order of preference. */
const SIDES = ['right', 'left', 'above', 'below'] as const;
type Side = (typeof SIDES)[number];

/** How the text mark of each side anchors its labels, for a dot of radius r. */
const sideText = (side: Side, r: number): { textAnchor: 'start' | 'middle' | 'end'; lineAnchor: 'top' | 'middle' | 'bottom'; dx: number; dy: number } =>
  (({
    right: { textAnchor: 'start', lineAnchor: 'middle', dx: r + 4, dy: 0 },
    left: { textAnchor: 'end', lineAnchor: 'middle', dx: -(r + 4), dy: 0 },
    above: { textAnchor: 'middle', lineAnchor: 'bottom', dx: 0, dy: -(r + 3) },
    below: { textAnchor: 'middle', lineAnchor: 'top', dx: 0, dy: r + 3 },
  }) as const)[side];

/**
 * Places each city's label beside its dot where it fits: inside the map, clear of every dot and
 * of the labels placed before it (right first, then left, above, below). When no side is clear,
 * the side that overlaps least. Widths are estimates, as everywhere in the charts.
 */
function placeLabels(points: readonly { x: number; y: number; label: string }[], width: number, height: number, fontSize: number, r: number): Side[] {
  const h = fontSize * 1.2;
  const dots: Box[] = points.map((p) => ({ x0: p.x - r - 1, y0: p.y - r - 1, x1: p.x + r + 1, y1: p.y + r + 1 }));
  const placed: Box[] = [];
  return points.map((p, i) => {
    const w = estimateTextWidth(p.label, fontSize, true);
    const boxes = SIDES.map((side): [Side, Box] => {
      const { dx, dy } = sideText(side, r);
      const x0 = side === 'right' ? p.x + dx : side === 'left' ? p.x + dx - w : p.x - w / 2;
      const y0 = side === 'above' ? p.y + dy - h : side === 'below' ? p.y + dy : p.y - h / 2;
      return [side, { x0, y0, x1: x0 + w, y1: y0 + h }];
    });
    const cost = ([, box]: [Side, Box]) =>
      (box.x0 < 2 || box.y0 < 2 || box.x1 > width - 2 || box.y1 > height - 2 ? 1e6 : 0) +
      [...placed, ...dots.filter((_, j) => j !== i)].reduce((sum, other) => sum + overlap(box, other), 0);
    const [side, box] = boxes.reduce((best, next) => (cost(next) < cost(best) ? next : best));
    placed.push(box);
    return side;
  });
}

/**
 * A locator map: the coast around the cities, a dot in each city's colour and its name beside
 * it. The projection is fitted to the cities, so a fifth city elsewhere widens the map.
 *
 * The map keeps its shape at every width, so it is drawn once, wide, with two sets of dots and
 * labels: one sized for the wide layout and one for a phone, where the map is drawn at under
 * half its size (see chartMarkup). Each set is placed so its labels do not collide. Dots have a
 * ring in the text colour, which keeps 3:1 against the land in both themes whatever the city's
 * colour; labels have a halo in the map's ground colour.
 */
export function locatorMap(cities: readonly City[], opts: ChartOptions): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `map-${lang}`);
  const title = labels.mapTitle;
  const extent = mapExtent(cities);
  const placed = cities.map((c) => ({ city: c, name: cityName(c, lang) }));

  const draw = (layout: Layout): Drawing => {
    const { width } = layout;
    const height = heightFor(extent, width);
    const projection = d3.geoMercator().fitSize([width, height], extent);
    const points = placed.map((p) => {
      const [x, y] = projection([p.city.longitude, p.city.latitude]) ?? [0, 0];
      return { ...p, x, y };
    });
    type Point = (typeof points)[number] & { label: string; side: Side };
    // The wide set is drawn at the SVG's own size; the narrow one for a phone, where the map is
    // shown about 300 px wide: its text is large enough to be 11 px there.
    const sets = [
      { className: WIDE_CLASS, fontSize: 12, r: 6, ring: 1.5, halo: 3, chars: 32 },
      { className: NARROW_CLASS, fontSize: Math.ceil((11 * width) / (NARROW.width - 12)), r: Math.round(width / 50), ring: 3, halo: 6, chars: 22 },
    ];
    const marks = sets.flatMap(({ className, fontSize, r, ring, halo, chars }) => {
      const labelled = points.map((p) => ({ ...p, label: shorten(p.name, chars) }));
      const sides = placeLabels(labelled, width, height, fontSize, r);
      const withSides: Point[] = labelled.map((p, i) => ({ ...p, side: sides[i]! }));
      return [
        Plot.dot(withSides, {
          x: (p: Point) => p.city.longitude,
          y: (p: Point) => p.city.latitude,
          fill: (p: Point) => cityColour(p.city.id),
          stroke: 'currentColor',
          strokeWidth: ring,
          r,
          title: (p: Point) => p.name,
          className,
        }),
        ...SIDES.map((side) =>
          Plot.text(
            withSides.filter((p) => p.side === side),
            {
              x: (p: Point) => p.city.longitude,
              y: (p: Point) => p.city.latitude,
              text: 'label',
              ...sideText(side, r),
              fontSize,
              fontWeight: 'bold',
              fill: 'currentColor',
              stroke: NEUTRAL.paper,
              strokeWidth: halo,
              paintOrder: 'stroke',
              className,
            },
          ),
        ),
      ];
    });
    return {
      plot: {
        width,
        height,
        margin: 0,
        projection: () => projection,
        color: { type: 'identity' },
        marks: [
          // Sea, land and the frame are the ground the dots stand on, not data: hidden from the
          // accessibility tree, and with no contrast of their own to keep.
          Plot.frame({ fill: NEUTRAL.sea, stroke: 'none', ariaHidden: 'true' }),
          Plot.geo(countriesWithin(extent), { fill: NEUTRAL.land, stroke: NEUTRAL.landStroke, strokeWidth: 0.75, render: onlyVisibleShapes, ariaHidden: 'true' }),
          ...marks,
          Plot.frame({ stroke: NEUTRAL.landStroke, ariaHidden: 'true' }),
        ],
      },
    };
  };

  const provinces = d3.groups(cities, (c) => (lang === 'id' ? c.province : c.province_en));
  const takeaway = cities.length ? labels.mapTakeaway(formatList(provinces.map(([province, inIt]) => labels.mapProvincePart(inIt.length, province)), lang)) : labels.noData;
  const coordinates = (c: City) => [formatCoordinate(c.latitude, 'latitude', lang), formatCoordinate(c.longitude, 'longitude', lang)] as const;
  const description = labels.mapDescription(
    placed.map((p) => labels.mapCity(p.name, lang === 'id' ? p.city.province : p.city.province_en, ...coordinates(p.city))).join(' '),
  );

  return {
    id,
    title,
    takeaway,
    description,
    ...renderChart({ id, title, description, draw, width: opts.width, layouts: 'adaptive' }),
    table: {
      caption: title,
      columns: [labels.city, labels.province, labels.latitude, labels.longitude],
      rows: placed.map((p) => [p.name, lang === 'id' ? p.city.province : p.city.province_en, ...coordinates(p.city)]),
    },
  };
}
