import type { APIRoute } from 'astro';
import { embedFile, imagePaths } from '../../../../components/embeds';
import { siteRoot } from '../../../../lib/base';

export const getStaticPaths = () => imagePaths('en');
export const GET: APIRoute = ({ params, site }) => embedFile('svg', 'en', params.slug!, siteRoot(site));
