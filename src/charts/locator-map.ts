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
import { cityName, DEFAULT_WIDTH, shorten, slug } from './layout';
import { renderPlot } from './render';
import type { Chart, ChartOptions } from './types';

/**
 * Country outlines from Natural Earth (1:50m) through world-atlas, converted once per process.
 * The projection's frame clip trims them to the area around the cities, so the SVG carries
 * only the coastline in view.
 */
let countries: FeatureCollection<Geometry> | null = null;
function countryShapes(): FeatureCollection<Geometry> {
  if (!countries) {
    const topology = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
    countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
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
  return countryShapes().features.filter((country) => {
    const [[w, s], [e, n]] = d3.geoBounds(country);
    return w > e || (w <= east && e >= west && s <= north && n >= south);
  });
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

/**
 * A locator map: the coast around the cities, a dot in each city's colour and its name beside
 * it. The projection is fitted to the cities, so a fifth city elsewhere widens the map.
 */
export function locatorMap(cities: readonly City[], opts: ChartOptions): Chart {
  const { lang } = opts;
  const width = opts.width ?? DEFAULT_WIDTH;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `map-${lang}`);
  const title = labels.mapTitle;
  const extent = mapExtent(cities);
  const placed = cities.map((c) => ({ city: c, name: cityName(c, lang), label: shorten(cityName(c, lang), 32) }));
  type PlacedCity = (typeof placed)[number];
  // Labels go to the right of the dot, except for cities in the eastern quarter, whose labels
  // would run off the map.
  const [[west], [east]] = d3.geoBounds(extent);
  const labelLeft = (p: PlacedCity) => p.city.longitude > west + ((east - west) * 3) / 4;

  const plot: Plot.PlotOptions = {
    width,
    height: heightFor(extent, width),
    margin: 0,
    projection: { type: 'mercator', domain: extent },
    marks: [
      Plot.frame({ fill: NEUTRAL.sea, stroke: 'none' }),
      Plot.geo(countriesWithin(extent), { fill: NEUTRAL.land, stroke: NEUTRAL.landStroke, strokeWidth: 0.75, render: onlyVisibleShapes }),
      Plot.dot(placed, {
        x: (p: PlacedCity) => p.city.longitude,
        y: (p: PlacedCity) => p.city.latitude,
        fill: (p: PlacedCity) => cityColour(p.city.id),
        stroke: 'white',
        strokeWidth: 1.5,
        r: 6,
        title: (p: PlacedCity) => p.name,
      }),
      ...[false, true].map((left) =>
        Plot.text(
          placed.filter((p) => labelLeft(p) === left),
          {
            x: (p: PlacedCity) => p.city.longitude,
            y: (p: PlacedCity) => p.city.latitude,
            text: 'label',
            textAnchor: left ? 'end' : 'start',
            dx: left ? -10 : 10,
            fontSize: 12,
            fontWeight: 'bold',
            fill: 'currentColor',
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
          },
        ),
      ),
      Plot.frame({ stroke: NEUTRAL.landStroke }),
    ],
  };
  plot.color = { type: 'identity' };

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
    svg: renderPlot({ id, title, description, plot }),
    table: {
      caption: title,
      columns: [labels.city, labels.province, labels.latitude, labels.longitude],
      rows: placed.map((p) => [p.name, lang === 'id' ? p.city.province : p.city.province_en, ...coordinates(p.city)]),
    },
  };
}
