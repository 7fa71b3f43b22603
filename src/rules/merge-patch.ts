/**
 * Deep-merges `patch` over `base`, the one way the project patches facts and settings: a nested object merges key by
 * key, `null` in the patch removes the field (so a YAML patch can say "no such fact"), `undefined` leaves it as it
 * is, and anything else (arrays included) replaces it. Neither argument is changed.
 */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = mergePatch(result[key], value);
  }
  return result;
}
