import { BlueprintSectionSchema, type BlueprintCheck, type BlueprintUnit, checkBlueprintUnits, ExamSchema } from '../../quiz/index.ts';

/** An exam file's data as the studio's file model holds it: the YAML's keys, defaults not filled in. */
export type ExamData = Record<string, unknown>;

export interface FieldIssue {
  /** Dotted path, e.g. `blueprint.1.count`. */
  readonly path: string;
  readonly message: string;
}

/** What is wrong with the exam as the form holds it, by field (the schema's own author messages); empty when valid. */
export function examIssues(data: ExamData): FieldIssue[] {
  const parsed = ExamSchema.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * The live fill check: whether every seed fills each section from the bank (the same check the server runs before
 * an attempt and the content gate runs on save). `null` when some section is not valid yet (its issues say why).
 */
export function examFill(data: ExamData, units: readonly BlueprintUnit[]): BlueprintCheck | null {
  const raw = Array.isArray(data['blueprint']) ? (data['blueprint'] as unknown[]) : [];
  const sections = raw.map((section) => BlueprintSectionSchema.safeParse(section));
  if (sections.length === 0 || sections.some((section) => !section.success)) return null;
  return checkBlueprintUnits(
    sections.map((section) => section.data!),
    units,
  );
}

/**
 * `data` with `key` set to `value`, or without `key` when `value` is `undefined` or equals the default the file
 * already relies on by leaving the key out (so an untouched default stays out of the file and the save changes only
 * what the lead changed).
 */
export function withField<T extends Record<string, unknown>>(data: T, key: string, value: unknown, fallback?: unknown): T {
  const next: Record<string, unknown> = { ...data };
  const isDefault = fallback !== undefined && JSON.stringify(value) === JSON.stringify(fallback) && !(key in data);
  if (value === undefined || isDefault) delete next[key];
  else next[key] = value;
  return next as T;
}

/** The numbers of one section's fill check in words, e.g. 「需要 6 道：符合条件 12 道，前面最多占用 0 道，够用」. */
export function fillText(section: BlueprintCheck['sections'][number]): string {
  const verdict = section.passed ? '够用' : `不够：还差 ${section.needed - (section.matching - section.takenEarlier)} 道`;
  return `需要 ${section.needed} 道：符合条件 ${section.matching} 道，前面各部分最多可能占用 ${section.takenEarlier} 道，${verdict}`;
}
