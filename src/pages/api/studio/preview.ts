import { z } from 'zod';
import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { MAX_PREVIEW_MARKDOWN, previewMarkdown, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

const PreviewBodySchema = z.object({ markdown: z.string().max(MAX_PREVIEW_MARKDOWN) }).strict();

/** One body section rendered as the case page renders it (Sätteri, raw HTML dropped), for the editor's live preview. */
export const POST = apiRoute(async (context) => {
  studioLead(context);
  const { markdown } = await readJson(context.request, PreviewBodySchema);
  return jsonOk({ html: previewMarkdown(markdown) });
});

export const ALL = methodNotAllowed;
