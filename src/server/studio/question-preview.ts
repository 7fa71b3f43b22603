import { readContentModel } from '../../authoring/index.ts';
import type { ScenarioContext } from '../../quiz/index.ts';
import { MAX_PREVIEW_SEEDS, previewRawItem, previewRawTemplate, type QuestionFilePreview } from '../../present/studio/index.ts';

export { MAX_PREVIEW_SEEDS, type QuestionFilePreview };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The items of a question file with their engine keys, and seeds 1–`seeds` of each template with their stems, options
 * (near-miss distractors drawn by the quiz module) and keys. What it cannot key says why, in the engine's words; the
 * content gate (POST /api/studio/check) gives the author-grade messages.
 */
export function previewQuestionFile(text: string, context: ScenarioContext, seeds: number): QuestionFilePreview {
  let data: { items?: unknown; templates?: unknown };
  try {
    data = readContentModel('question', text).data as typeof data;
  } catch (error) {
    return { items: [], templates: [], problem: message(error) };
  }
  const items = (Array.isArray(data.items) ? data.items : []).map((raw, index) => previewRawItem(raw, index, context));
  const templates = (Array.isArray(data.templates) ? data.templates : []).map((raw, index) => previewRawTemplate(raw, index, context, seeds));
  return { items, templates };
}
