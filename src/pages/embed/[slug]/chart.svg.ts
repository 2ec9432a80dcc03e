import type { APIRoute } from 'astro';
import { embedFile, imagePaths } from '../../../components/embeds';
import { siteRoot } from '../../../lib/base';

export const getStaticPaths = () => imagePaths('id');
export const GET: APIRoute = ({ params, site }) => embedFile('svg', 'id', params.slug!, siteRoot(site));
