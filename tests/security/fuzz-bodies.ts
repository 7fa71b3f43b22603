import fc from 'fast-check';

/** A request body exactly as sent: raw bytes or text, and the Content-Type header (`null`: none). */
export interface FuzzBody {
  readonly kind: string;
  readonly contentType: string | null;
  readonly body: string | Uint8Array | undefined;
}

/** JSON text for one field value: arbitraries below produce text, so they can say things JSON.stringify cannot. */
export type JsonText = string;

const JSON_TYPE = 'application/json';

/** Keys that pollute prototypes or shadow methods when a parser or merge is careless. */
const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Number literals that JavaScript reads as Infinity, -0, imprecise or fractional. */
const NUMBER_LITERALS = ['1e400', '-1e400', '-0', '0', '-1', '1.5', '9007199254740993', '123456789012345678901234567890', '1e-400', '0.0000001'];

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0645',
  '\ud800',
  '\udfff\ud800',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  '__proto__',
  'null',
  '\r\nSet-Cookie: x=1',
  '😀'.repeat(70),
  '中'.repeat(300),
];

/** Any JSON value, rendered, including the number literals and nested junk. */
export const anyJson: fc.Arbitrary<JsonText> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBER_LITERALS) },
  { weight: 1, arbitrary: fc.constantFrom(...POISON_KEYS).map((key) => `{${JSON.stringify(key)}:{"polluted":true}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
);

/** A string value of a field that expects text up to about `max` characters: wrong lengths, unicode, nasties. */
export function textField(max: number): fc.Arbitrary<JsonText> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: max + 2 }).map((s) => JSON.stringify(s)) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: max + 2 }).map((s) => JSON.stringify(s)) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS).map((s) => JSON.stringify(s)) },
    { weight: 1, arbitrary: fc.integer({ min: max, max: max * 20 + 1_000 }).map((n) => JSON.stringify('长'.repeat(n))) },
    { weight: 2, arbitrary: anyJson },
  );
}

/** A value for a field that expects an integer. */
export const integerField: fc.Arbitrary<JsonText> = fc.oneof(
  { weight: 3, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_LITERALS, '9007199254740991', '1') },
  { weight: 1, arbitrary: fc.double().map((d) => JSON.stringify(d)) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 2, arbitrary: anyJson },
);

/** A value for a field that expects one of `values` (as JSON text), or anything else. */
export function oneOfField(values: readonly JsonText[]): fc.Arbitrary<JsonText> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: anyJson });
}

/**
 * A JSON object with the route's field names, each present or not, with values from its arbitrary, plus extra keys
 * (prototype-polluting ones among them). Rendered by hand so that `__proto__` is sent as a literal key.
 */
function objectBody(fields: Readonly<Record<string, fc.Arbitrary<JsonText>>>): fc.Arbitrary<JsonText> {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc.option(value, { freq: 5 }).map((text) => (text === null ? null : [name, text] as const)),
  );
  const extra = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...POISON_KEYS), fc.string({ maxLength: 12 })), anyJson),
    { maxLength: 3 },
  );
  return fc
    .tuple(fc.tuple(...entries), fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra }))
    .map(([known, more]) => {
      const pairs = [...known.filter((pair) => pair !== null), ...more];
      return `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
    });
}

const WRONG_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/jsonx',
  'application/json-patch+json',
  'application/ld+json',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json;charset=utf-16',
  'application/json ; x=y',
  '',
];

/** Text that is not JSON, or JSON-looking text that parsers disagree on. */
const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', "{'a':1}", 'NaN', '{"a":1,}', '\ufeff{}', 'undefined', '{"a":1}{"b":2}', '[1,2', '"\\ud800"', '{"a":"\\u00"}', '01'),
);

/** How much of the body budget: the server refuses anything above 1 MiB unread. */
export const LARGE_SIZES = [1024 * 1024 - 64, 1024 * 1024 + 1, 3 * 1024 * 1024];

/**
 * Bodies for a route with these JSON fields: mostly right-shaped objects with wrong values, then garbage of every
 * kind (other JSON, not JSON, wrong or missing Content-Type, bytes that are not UTF-8, empty, very large).
 */
export function bodyFor(fields: Readonly<Record<string, fc.Arbitrary<JsonText>>>): fc.Arbitrary<FuzzBody> {
  const json = (kind: string) => (text: string): FuzzBody => ({ kind, contentType: JSON_TYPE, body: text });
  return fc.oneof(
    { weight: 120, arbitrary: objectBody(fields).map(json('fields')) },
    { weight: 20, arbitrary: anyJson.map(json('other-json')) },
    { weight: 20, arbitrary: notJson.map(json('not-json')) },
    {
      weight: 20,
      arbitrary: fc
        .tuple(fc.constantFrom<string | null>(...WRONG_TYPES, null), objectBody(fields))
        .map(([contentType, body]): FuzzBody => ({ kind: 'wrong-type', contentType, body })),
    },
    { weight: 10, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes): FuzzBody => ({ kind: 'bytes', contentType: JSON_TYPE, body: bytes })) },
    {
      weight: 10,
      arbitrary: fc
        .constantFrom(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), new Uint8Array([0xed, 0xa0, 0x80]))
        .map((bytes): FuzzBody => ({ kind: 'not-utf8', contentType: JSON_TYPE, body: bytes })),
    },
    { weight: 10, arbitrary: fc.constantFrom<FuzzBody>({ kind: 'empty', contentType: JSON_TYPE, body: '' }, { kind: 'none', contentType: null, body: undefined }) },
    {
      // Few: each costs megabytes on the wire.
      weight: 1,
      arbitrary: fc.constantFrom(...LARGE_SIZES, 0).map((size): FuzzBody => {
        // 0: nesting 400,000 arrays deep, inside the first field, just under the size limit.
        if (size === 0) return { kind: 'deep', contentType: JSON_TYPE, body: `{"${Object.keys(fields)[0] ?? 'x'}":${'['.repeat(400_000)}${']'.repeat(400_000)}}` };
        const name = Object.keys(fields)[0] ?? 'x';
        const prefix = `{"${name}":"`;
        return { kind: `large-${size}`, contentType: JSON_TYPE, body: `${prefix}${'a'.repeat(Math.max(0, size - prefix.length - 2))}"}` };
      }),
    },
  );
}

/** A query string of junk parameters (or none), percent-encoded from UTF-8. */
export const queryJunk: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom('next', 'exam', 'cohort', 'token', 'path', 'kind', '__proto__'), fc.string({ maxLength: 8 })), fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)'))), { minLength: 1, maxLength: 3 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${encodeUtf8(k)}=${encodeUtf8(v)}`).join('&')}`),
  },
);

function encodeUtf8(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** A content path for the studio: mostly ones the guard refuses (traversal, other folders), sometimes a real file. */
export const studioPath: fc.Arbitrary<JsonText> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('cases/seven-day-last-minute.mdx', 'questions/seven-day.yaml', 'exams/basic-certification.yaml', 'policy/shop.json', 'cases/fuzz-new-case.mdx').map((path) => JSON.stringify(path)) },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom('../package.json', 'cases/../../package.json', '/etc/passwd', 'cases\\x.mdx', 'policy/README.md', 'README.md', 'cases/%2e%2e/x.mdx', 'cases/x.mdx\u0000', 'exams/a/b.yaml', '.git/config')
      .map((path) => JSON.stringify(path)),
  },
  { weight: 3, arbitrary: textField(300) },
);

/** The studio's editable model: right-shaped with junk data, or anything. */
export const studioModel: fc.Arbitrary<JsonText> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('case', 'question', 'exam', 'policy', 'other'), anyJson, fc.option(fc.array(fc.tuple(textField(40), textField(200)), { maxLength: 6 })))
      .map(([kind, data, sections]) =>
        `{"kind":${JSON.stringify(kind)},"data":${data}${sections ? `,"sections":[${sections.map(([heading, markdown]) => `{"heading":${heading},"markdown":${markdown}}`).join(',')}]` : ''}}`,
      ),
  },
  { weight: 1, arbitrary: anyJson },
);

/** A path parameter: one of the ids that exist (so handlers get past their lookups), or junk. */
export function idParam(real: readonly string[]): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => s.length > 0),
    fc.constantFrom('..', '.', '%2e%2e', '__proto__', 'constructor', 'A'.repeat(300), '0', '-1', 'null', 'undefined', 'index'),
  );
  return real.length === 0 ? junk : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: junk });
}
