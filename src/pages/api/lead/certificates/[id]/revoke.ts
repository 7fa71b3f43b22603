import { z } from 'zod';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

const RevokeBodySchema = z.object({ reason: z.string().trim().min(2, '请写明撤销原因（至少 2 个字）。').max(200) }).strict();

/** Revokes a certificate (lead only, by ACCESS_RULES); the public verify page then shows 已撤销 with the reason. */
export const POST = apiRoute(async (context) => {
  const { reason } = await readJson(context.request, RevokeBodySchema);
  const revoked = await (await getStore()).revokeCertificate(context.params.id ?? '', reason, Date.now());
  if (!revoked.ok) throw new ApiError(revoked.code);
  return jsonOk({ certificate: revoked.certificate });
});

export const ALL = methodNotAllowed;
