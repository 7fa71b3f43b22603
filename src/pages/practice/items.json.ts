import type { APIRoute } from 'astro';
import { allPayload } from '../../server/content-library/index.ts';

/** Every practice question, for mixed practice and the review queue (fetched once, cached for offline use). */
export const GET: APIRoute = async () => Response.json(await allPayload());
