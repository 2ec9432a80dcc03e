import type { APIRoute } from 'astro';
import { embedFile, imagePaths } from '../../../../components/embeds';

export const getStaticPaths = () => imagePaths('en');
export const GET: APIRoute = ({ params, site }) => embedFile('png', 'en', params.slug!, new URL('/', site));
