import { formatBeijingTime, parseBeijingTime } from '../../rules/index.ts';
import { drawParams, type ParamSpec, type ParamValues, type Template } from '../../quiz/index.ts';
import { addMinutesText, sevenDayEndText, shipByText } from '../../quiz/index.ts';

type Scalar = string | number | boolean;

/** One point of a template's variant space: a seed's draw, or a combination of declared parameter values. */
export interface VariantPoint {
  /** Set for seed draws: the variant id `templateId~seed` is what stored answers carry. */
  readonly seed?: number;
  readonly params: ParamValues;
}

/** Integer ranges up to this many values are enumerated whole; wider ones contribute their ends and middle. */
const WHOLE_INT_RANGE = 12;

const isDeadline = (spec: ParamSpec): spec is Extract<ParamSpec, { deadline: string }> => 'deadline' in spec;

/** The values a grid tries for one non-deadline parameter: every choice, small integer ranges whole, range ends and middle. */
function gridValues(spec: Exclude<ParamSpec, { deadline: string }>): Scalar[] {
  if ('oneOf' in spec) return [...spec.oneOf];
  if ('int' in spec) {
    const [low, high] = spec.int;
    if (high - low < WHOLE_INT_RANGE) return Array.from({ length: high - low + 1 }, (_, index) => low + index);
    return [...new Set([low, Math.floor((low + high) / 2), high])];
  }
  const from = parseBeijingTime(spec.time[0])!;
  const to = parseBeijingTime(spec.time[1])!;
  const step = spec.stepMinutes * 60_000;
  const steps = Math.floor((to - from) / step);
  return [...new Set([0, Math.floor(steps / 2), steps])].map((index) => formatBeijingTime(from + index * step));
}

// Mirrors the generator's deadline parameters (src/quiz/variants.ts): an offset from a deadline computed from drawn values.
function deadlineValues(spec: Extract<ParamSpec, { deadline: string }>, drawn: Record<string, Scalar>): string[] {
  const from = String(drawn[spec.from] ?? spec.from);
  const end =
    spec.deadline === 'sevenDayWindowEnd'
      ? sevenDayEndText(from)
      : shipByText(from, String(drawn[spec.channel ?? ''] ?? spec.channel ?? 'taobao'), spec.hours ? Number(drawn[spec.hours]) : undefined);
  return spec.offsetMinutes.map((offset) => addMinutesText(end, offset));
}

function product(entries: readonly (readonly [string, readonly Scalar[]])[], limit: number): Record<string, Scalar>[] {
  let combos: Record<string, Scalar>[] = [{}];
  for (const [name, values] of entries) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value }))).slice(0, limit);
  }
  return combos;
}

/**
 * The variants a report evaluates for one template: the draws of `seeds` (what the bank, exams and the content gate
 * use), then the grid of declared parameter values — every `oneOf` choice and deadline offset, small integer ranges
 * whole, time ranges and wide integer ranges at both ends and the middle — up to `gridLimit` combinations that no seed
 * drew. Every seed counts as its own variant, since its id is what stored answers carry.
 */
export function variantSpace(template: Template, seeds: readonly number[], gridLimit: number): VariantPoint[] {
  const keyOf = (params: ParamValues) => JSON.stringify(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  // Every seed is its own variant (its own id and option order), even when two seeds draw the same values.
  const seeded: VariantPoint[] = seeds.map((seed) => ({ seed, params: drawParams(template, seed) }));
  const points = new Map<string, VariantPoint>(seeded.map((point) => [keyOf(point.params), point]));
  const grid: VariantPoint[] = [];
  const specs = Object.entries(template.params);
  const plain = specs.flatMap(([name, spec]) => (isDeadline(spec) ? [] : [[name, gridValues(spec)] as const]));
  const deadlines = specs.flatMap(([name, spec]) => (isDeadline(spec) ? [[name, spec] as const] : []));
  for (const base of product(plain, gridLimit)) {
    let combos: Record<string, Scalar>[] = [base];
    for (const [name, spec] of deadlines) {
      combos = combos.flatMap((combo) => deadlineValues(spec, combo).map((value) => ({ ...combo, [name]: value })));
    }
    for (const params of combos) {
      if (grid.length >= gridLimit) break;
      if (!points.has(keyOf(params))) {
        points.set(keyOf(params), { params });
        grid.push({ params });
      }
    }
  }
  return [...seeded, ...grid];
}
