import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/downloads';
import { siteModel } from '../../lib/site';
import { siteRoot } from '../../lib/base';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(siteModel().dataset, { homepage: siteRoot(site).href }, siteModel().profiles), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
