import type { APIRoute } from 'astro';
import { jsonError } from './respond.ts';

/** Export as `ALL` from an endpoint: any method it does not export gets 405 JSON instead of an HTML 404. */
export const methodNotAllowed: APIRoute = () => jsonError('METHOD_NOT_ALLOWED');
