import { z } from 'zod';
import { ItemSchema } from './item-schema.ts';
import { TemplateSchema } from './template-schema.ts';

/** A file in content/questions/: a list of authored items and a list of templates, either may be empty. */
export const QuestionFileSchema = z
  .object({
    items: z.array(z.unknown()).default([]).describe('题目列表，每题按题型写法填写。'),
    templates: z.array(z.unknown()).default([]).describe('变体模板列表。'),
  })
  .strict();

export { ItemSchema, TemplateSchema };
