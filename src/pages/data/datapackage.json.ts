import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/downloads';
import { siteDataset } from '../../lib/site';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(siteDataset(), { homepage: new URL('/', site).href }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
