import type { APIRoute } from 'astro';
import { embedFile, embedPaths } from '../../../components/embeds';
import { siteRoot } from '../../../lib/base';

export const getStaticPaths = () => embedPaths('id');
export const GET: APIRoute = ({ params, site }) => embedFile('oembed', 'id', params.slug!, siteRoot(site));
