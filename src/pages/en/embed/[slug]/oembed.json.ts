import type { APIRoute } from 'astro';
import { embedFile, embedPaths } from '../../../../components/embeds';
import { siteRoot } from '../../../../lib/base';

export const getStaticPaths = () => embedPaths('en');
export const GET: APIRoute = ({ params, site }) => embedFile('oembed', 'en', params.slug!, siteRoot(site));
