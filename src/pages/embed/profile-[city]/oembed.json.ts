import type { APIRoute } from 'astro';
import { embedFile, profilePaths } from '../../../components/embeds';
import { profileSlug } from '../../../lib/embed';
import { siteRoot } from '../../../lib/base';

export const getStaticPaths = () => profilePaths('id');
export const GET: APIRoute = ({ params, site }) => embedFile('oembed', 'id', profileSlug(params.city!), siteRoot(site));
