import type { APIRoute, GetStaticPaths } from 'astro';
import { resources, toCsv, toJson } from '../../lib/downloads';
import { siteModel } from '../../lib/site';

/** Every dataset as CSV and JSON, made from the validated model at build time. */
export const getStaticPaths = (() =>
  resources(siteModel().dataset, siteModel().profiles).flatMap((resource) => [
    { params: { file: `${resource.name}.csv` }, props: { body: toCsv(resource), type: 'text/csv; charset=utf-8' } },
    { params: { file: `${resource.name}.json` }, props: { body: toJson(resource), type: 'application/json' } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
