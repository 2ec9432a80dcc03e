import type { APIRoute } from 'astro';
import { embedFile, embedPaths } from '../../../components/embeds';

export const getStaticPaths = () => embedPaths('id');
export const GET: APIRoute = ({ params, site }) => embedFile('svg', 'id', params.slug!, new URL('/', site));
