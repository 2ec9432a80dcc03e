import type { APIRoute } from 'astro';
import { CHART_CSS } from '../charts/render';

/** The rules Plot would put in a <style> inside each SVG, served once as a stylesheet. */
export const GET: APIRoute = () => new Response(CHART_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
