import { portable } from './api-context.ts';
import { jsonError } from './respond.ts';

/** Export as `ALL` from an endpoint: any method it does not export gets 405 JSON instead of an HTML 404. */
export const methodNotAllowed = portable(() => jsonError('METHOD_NOT_ALLOWED'));
