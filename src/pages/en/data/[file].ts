import type { APIRoute, GetStaticPaths } from 'astro';
import { resources, type Resource } from '../../../lib/downloads';
import { href } from '../../../lib/routes';
import { siteModel } from '../../../lib/site';
import { buildDate } from '../../../lib/build-date';
import { toXlsx, XLSX_MEDIA_TYPE } from '../../../lib/workbook';

/** Every dataset as an Excel workbook with English column labels; the CSV and JSON files are the same in both languages, under /data/. */
export const getStaticPaths = (() =>
  resources(siteModel().dataset, siteModel().profiles).map((resource) => ({ params: { file: `${resource.name}.xlsx` }, props: { resource } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
  new Response(await toXlsx((props as { resource: Resource }).resource, 'en', { source: new URL(href({ page: 'data' }, 'en'), site).href, built: buildDate() }), {
    headers: { 'Content-Type': XLSX_MEDIA_TYPE },
  });
