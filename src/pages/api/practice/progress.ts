import { signedInUser } from '../../../server/exams/index.ts';
import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { getStore } from '../../../server/index.ts';
import { practiceAreas, practiceProgress, PracticeSyncBodySchema, syncPractice } from '../../../server/practice/index.ts';

export const prerender = false;

/** The signed-in account's practice progress by item id (`{ userId, items, merged: false, ignored: [] }`). */
export const GET = apiRoute(async (context) => jsonOk(await practiceProgress(await getStore(), signedInUser(context))));

/**
 * Syncs a browser's practice progress: merges `items` into the account's (unless `owner` names another account) and
 * answers with the account's whole progress; 400 VALIDATION_FAILED names each malformed field.
 */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, PracticeSyncBodySchema);
  const areas = practiceAreas();
  return jsonOk(await syncPractice(await getStore(), signedInUser(context), body, (itemId) => areas.get(itemId)));
});

export const ALL = methodNotAllowed;
