import { type ApiContext, ApiError } from '../http/index.ts';
import type { User } from '../store/index.ts';

/** The signed-in user; the middleware already refuses anonymous requests to these paths, this keeps types honest. */
export function signedInUser(context: Pick<ApiContext, 'locals'>): User {
  const user = context.locals.user;
  if (!user) throw new ApiError('UNAUTHENTICATED');
  return user;
}
