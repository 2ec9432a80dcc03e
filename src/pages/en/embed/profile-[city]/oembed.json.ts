import type { APIRoute } from 'astro';
import { embedFile, profilePaths } from '../../../../components/embeds';
import { profileSlug } from '../../../../lib/embed';
import { siteRoot } from '../../../../lib/base';

export const getStaticPaths = () => profilePaths('en');
export const GET: APIRoute = ({ params, site }) => embedFile('oembed', 'en', profileSlug(params.city!), siteRoot(site));
