import type { APIRoute, GetStaticPaths } from 'astro';
import { resources, toCsv, toJson, type Resource } from '../../lib/downloads';
import { href } from '../../lib/routes';
import { siteModel } from '../../lib/site';
import { buildDate } from '../../lib/build-date';
import { toXlsx, XLSX_MEDIA_TYPE } from '../../lib/workbook';

/**
 * Every dataset as CSV and JSON, and as an Excel workbook with Indonesian column labels (the
 * English workbooks are under /en/data/), made from the validated model at build time.
 */
export const getStaticPaths = (() =>
  resources(siteModel().dataset, siteModel().profiles).flatMap((resource) => [
    { params: { file: `${resource.name}.csv` }, props: { body: toCsv(resource), type: 'text/csv; charset=utf-8' } },
    { params: { file: `${resource.name}.json` }, props: { body: toJson(resource), type: 'application/json' } },
    { params: { file: `${resource.name}.xlsx` }, props: { workbook: resource, type: XLSX_MEDIA_TYPE } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { body, workbook, type } = props as { body?: string; workbook?: Resource; type: string };
  const bytes = workbook ? await toXlsx(workbook, 'id', { source: new URL(href({ page: 'data' }, 'id'), site).href, built: buildDate() }) : body!;
  return new Response(bytes, { headers: { 'Content-Type': type } });
};
