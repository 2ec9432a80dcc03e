import type { APIRoute } from 'astro';
import { embedFile, embedPaths } from '../../../../components/embeds';

export const getStaticPaths = () => embedPaths('en');
export const GET: APIRoute = ({ params, site }) => embedFile('png', 'en', params.slug!, new URL('/', site));
