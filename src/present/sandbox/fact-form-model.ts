/**
 * The fact model as a form: FactsSchema walked at runtime, so a fact added to src/rules/facts.ts appears in the
 * sandbox without touching this folder.
 */
import type { z } from 'zod';
import { globalRegistry, type ZodMiniType } from 'zod/mini';
import { channelLabels, FactsSchema, receiverLabels, resolutionLabels } from '../../rules/index.ts';
import { enumValueLabel } from '../../rules/index.ts';
import { enumHint, splitDescription } from './fact-description.ts';


export type FieldKind = 'enum' | 'boolean' | 'time' | 'number' | 'text';

export interface EnumOption {
  readonly value: string;
  readonly label: string;
}

export interface FieldModel {
  /** Dotted fact path, e.g. `delivery.signedAt`; also the key in a draft. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly label: string;
  /** The rest of the describe() text, '' when the label says it all. */
  readonly hint: string;
  /** The full describe() text, shown with engine errors about this fact. */
  readonly description: string;
  /** True when the schema has neither `.optional()` nor a default: leaving it empty is an invalid scenario. */
  readonly required: boolean;
  /** What the engine assumes when the field is left empty (its schema default), as the form shows it. */
  readonly defaultLabel?: string;
  readonly options: readonly EnumOption[];
  /** Lower bound for numbers, probed from the schema. */
  readonly min?: { readonly value: 0; readonly inclusive: boolean };
}

export interface SectionModel {
  /** Dotted path of the object, '' for the scenario itself. */
  readonly path: string;
  readonly label: string;
  readonly hint: string;
  /** True when the whole object may be absent: the form offers to add and remove it. */
  readonly optional: boolean;
  readonly fields: readonly FieldModel[];
  readonly sections: readonly SectionModel[];
}

type AnySchema = z.ZodType | ZodMiniType;
interface WrapperDef {
  readonly type: string;
  readonly innerType?: AnySchema;
  readonly defaultValue?: unknown;
  readonly shape?: Record<string, AnySchema>;
  readonly entries?: Record<string, string>;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable']);
const SAMPLE_TIME = '2025-09-01 10:00';
/** Names for enum values whose description does not list them (agreement.resolution says only 处理方式). */
const FALLBACK_LABELS: Readonly<Record<string, string>> = { ...resolutionLabels, ...channelLabels, ...receiverLabels };

function defOf(schema: AnySchema): WrapperDef {
  return schema.def as unknown as WrapperDef;
}

/** Peels optional/default/prefault wrappers, remembering whether the field may be left empty and its default. */
function peel(schema: AnySchema): { core: AnySchema; required: boolean; defaultValue: unknown } {
  let core = schema;
  let required = true;
  let defaultValue: unknown;
  while (WRAPPERS.has(defOf(core).type) && defOf(core).innerType) {
    const def = defOf(core);
    required = false;
    if (def.type === 'default' && defaultValue === undefined) defaultValue = def.defaultValue;
    core = def.innerType!;
  }
  return { core, required, defaultValue };
}

/**
 * The describe() text of a node, looking through wrappers. Read from the node being walked rather than through
 * describeFact(path), which does not see through `.prefault()` and so finds nothing under `platform`.
 */
function descriptionOf(schema: AnySchema): string | undefined {
  for (let node: AnySchema | undefined = schema; node; ) {
    const description = globalRegistry.get(node)?.description;
    if (description) return description;
    const def = node.def as unknown as { innerType?: AnySchema; in?: AnySchema };
    node = def.innerType ?? def.in;
  }
  return undefined;
}

function kindOf(core: AnySchema): FieldKind | undefined {
  const type = defOf(core).type;
  if (type === 'enum') return 'enum';
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return 'number';
  // A string that the model turns into a number is a Beijing time (facts.ts `time()`); a plain string stays text.
  if (type === 'pipe' || type === 'string') {
    const probe = core.safeParse(SAMPLE_TIME);
    if (probe.success && typeof probe.data === 'number') return 'time';
    if (type === 'string') return 'text';
  }
  return undefined;
}

function numberMin(core: AnySchema): FieldModel['min'] {
  if (!core.safeParse(0).success) return { value: 0, inclusive: false };
  if (!core.safeParse(-1).success) return { value: 0, inclusive: true };
  return undefined;
}

/** The "不填视为…" sentence repeats what the empty choice already says ("不填（视为“否”）"). */
function withoutDefaultSentence(hint: string): string {
  return hint.replace(/不填视为[^。]*。/g, '').trim();
}

function fieldModel(path: string, schema: AnySchema): FieldModel | undefined {
  const { core, required, defaultValue } = peel(schema);
  const kind = kindOf(core);
  if (!kind) return undefined;
  const description = descriptionOf(schema) ?? path;
  const { label, hint } = splitDescription(description);
  if (kind === 'enum') {
    const values = Object.values(defOf(core).entries ?? {});
    const options = values.map((value) => ({
      value,
      label: enumValueLabel(description, value) ?? FALLBACK_LABELS[value] ?? value,
    }));
    const names = new Map(options.map((option) => [option.value, option.label]));
    const defaultLabel = typeof defaultValue === 'string' ? names.get(defaultValue) : undefined;
    const enumHintText = enumHint(description, names);
    return {
      path,
      kind,
      label,
      hint: defaultLabel ? withoutDefaultSentence(enumHintText) : enumHintText,
      description,
      required,
      options,
      ...(defaultLabel ? { defaultLabel } : {}),
    };
  }
  const defaultLabel = typeof defaultValue === 'boolean' ? (defaultValue ? '是' : '否') : undefined;
  const min = kind === 'number' ? numberMin(core) : undefined;
  // Flags are described "……时为 true" for authors; the form asks the condition and offers 是/否.
  const plain = (text: string) => text.replace(/时为 ?true/g, '').replace(/[为写] ?true/g, '选“是”').replace(/[为写] ?false/g, '选“否”');
  return {
    path,
    kind,
    label: plain(label),
    hint: plain(defaultLabel ? withoutDefaultSentence(hint) : hint),
    description,
    required,
    options: [],
    ...(defaultLabel ? { defaultLabel } : {}),
    ...(min ? { min } : {}),
  };
}

/** A hint that names a sibling fact by its key ("在 freeShippingLostByPartialReturn 选“是”") names it by its label. */
function withSiblingLabels(field: FieldModel, siblings: readonly FieldModel[]): FieldModel {
  const hint = siblings.reduce((text, sibling) => {
    const key = sibling.path.slice(sibling.path.lastIndexOf('.') + 1);
    return sibling === field ? text : text.replace(new RegExp(`(^|[^A-Za-z])${key}(?![A-Za-z])`, 'g'), `$1“${sibling.label}”`);
  }, field.hint);
  return hint === field.hint ? field : { ...field, hint };
}

function sectionModel(path: string, schema: AnySchema): SectionModel {
  const { core, required } = peel(schema);
  const shape = defOf(core).shape ?? {};
  const fields: FieldModel[] = [];
  const sections: SectionModel[] = [];
  for (const [key, child] of Object.entries(shape)) {
    const childPath = path ? `${path}.${key}` : key;
    if (defOf(peel(child).core).type === 'object') sections.push(sectionModel(childPath, child));
    else {
      const field = fieldModel(childPath, child);
      if (field) fields.push(field);
    }
  }
  const { label, hint } = path ? splitDescription(descriptionOf(schema) ?? path) : { label: '交易', hint: '' };
  return { path, label, hint, optional: !required, fields: fields.map((field) => withSiblingLabels(field, fields)), sections };
}

/** The form for the whole fact model; the root section holds the top-level leaves (channel). */
export function factFormModel(): SectionModel {
  return sectionModel('', FactsSchema);
}
