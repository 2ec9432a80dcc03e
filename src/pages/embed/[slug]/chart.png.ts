import type { APIRoute } from 'astro';
import { embedFile, imagePaths } from '../../../components/embeds';

export const getStaticPaths = () => imagePaths('id');
export const GET: APIRoute = ({ params, site }) => embedFile('png', 'id', params.slug!, new URL('/', site));
