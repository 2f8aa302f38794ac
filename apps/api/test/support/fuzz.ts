import fc from 'fast-check';

/**
 * Request values for the API fuzzer (fuzz.test.ts), generated with fast-check from the OpenAPI
 * document's JSON Schemas: mostly values the schema describes, mixed at every level with hostile
 * ones (control characters, 10k-character strings, extreme dates and numbers, wrong types,
 * missing and extra fields). Ids (`format: uuid`) come out as a `PoolRef`, which the runner swaps
 * for the id of a resource it created (stateful fuzzing) when it sends the request.
 */
export type Json = Record<string, unknown>;

/** Stands for "an id of a live resource", resolved at send time by field name. */
export class PoolRef {
  constructor(
    readonly field: string,
    readonly pick: number,
  ) {}
}

/** A body sent as raw text, not JSON.stringify'd (malformed JSON and the like). */
export class RawBody {
  constructor(readonly text: string) {}
}

const TEN_K = 10_000;
const CONTROL_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udfff',
  '\r\n',
  '\t',
  '\n',
];

export const EXTREME_DATES = [
  '0000-01-01',
  '0410-01-01',
  '0789-12-31T23:59:59Z',
  '1899-12-31T23:59:59Z',
  '1969-12-31T23:59:59.999-23:59',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-12-02T25:61:61Z',
  '2026-12-02T10:00:00+25:00',
  '2999-12-31T23:59:59-12:00',
  '20261202',
  '2026-12-02T10:00:00.0000000000000000001Z',
];

export const EXTREME_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 63,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  5e-324,
];

const ODD_STRINGS = [
  '',
  ' ',
  '   \u00a0  ',
  '%00',
  '\\u0000',
  '../../../etc/passwd',
  '..',
  '/',
  "'; drop table users; --",
  '" or 1=1 --',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x7fffffff',
  'true',
  '[]',
  '{}',
  '\u202e\u2066gnp.exe',
  '🦆'.repeat(300),
  'ǅ̵̡̧̛̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ̕̚͘͜͟͢͝͞͠͡ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡',
];

const withControl = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...CONTROL_CHARS), fc.string({ maxLength: 12 }))
  .map(([a, c, b]) => a + c + b);

/** Strings no handler should ever fail on. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: withControl },
  { weight: 2, arbitrary: fc.constant('x'.repeat(TEN_K)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: TEN_K, maxLength: TEN_K }) },
  { weight: 1, arbitrary: fc.constant('\u0000'.repeat(TEN_K)) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...EXTREME_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...EXTREME_NUMBERS.map(String)) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, '', [], {}, [null], [[]], { '': '' }),
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
);

/** Fields a caller must never be able to set (mass assignment) and prototype-pollution keys. */
const EXTRA_FIELDS = [
  'role',
  'accountId',
  'status',
  'quotaBytes',
  'isAdmin',
  'userId',
  'staffId',
  'constructor',
  'prototype',
  '__proto__',
  'x\u0000y',
  'x'.repeat(1000),
];

/** Any value, for a field the schema does not describe. */
export const anyHostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: wrongType },
  {
    weight: 1,
    arbitrary: fc.constant(Array.from({ length: 2000 }, (_, i) => i)),
  },
  {
    weight: 1,
    // 64 levels of nesting.
    arbitrary: fc.constant(JSON.parse('{"a":'.repeat(64) + '1' + '}'.repeat(64)) as unknown),
  },
);

export interface FuzzOptions {
  /** Chance (0..1) that a node is replaced by a hostile value. */
  hostile: number;
  depth?: number;
}

const weightOf = (p: number) => Math.max(1, Math.round(p * 100));

/** A value for `schema`: usually schema-shaped, hostile with probability `options.hostile` per node. */
export function fuzzValue(schema: Json, name: string, options: FuzzOptions): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  const valid = validValue(schema, name, { ...options, depth: depth + 1 });
  if (options.hostile <= 0) return valid;
  const hostile = schemaHostile(schema);
  return fc.oneof(
    { weight: weightOf(1 - options.hostile), arbitrary: valid },
    { weight: weightOf(options.hostile), arbitrary: hostile },
  );
}

/** Hostile values that fit the node's type best (strings for strings, extremes for numbers...). */
function schemaHostile(schema: Json): fc.Arbitrary<unknown> {
  const type = schema.type;
  if (type === 'integer' || type === 'number')
    return fc.oneof(fc.constantFrom(...EXTREME_NUMBERS), hostileString, wrongType);
  if (type === 'string')
    return fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
  return anyHostile;
}

function validValue(schema: Json, name: string, options: FuzzOptions): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  const child = (s: Json, n: string) =>
    depth > 6 ? validValue(s, n, { hostile: 0, depth }) : fuzzValue(s, n, options);
  const base = validBase(schema, name, child);
  return schema.nullable
    ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function validBase(
  schema: Json,
  name: string,
  child: (s: Json, n: string) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validBase(a, name, child)));
  if (Array.isArray(schema.allOf) && schema.allOf.length)
    return validBase(schema.allOf[0] as Json, name, child);
  const lower = name.toLowerCase();
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = (schema.required as string[] | undefined) ?? [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = child(value, key);
      const complete = fc.record(record, { requiredKeys: required.filter((k) => k in record) });
      // Missing required fields and extra (mass-assignment, prototype) fields, now and then.
      const partial = fc.record(record, { requiredKeys: [] });
      const withExtra = fc
        .tuple(complete, fc.constantFrom(...EXTRA_FIELDS), anyHostile)
        .map(([body, key, value]) => {
          const copy = { ...(body as Json) };
          Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
          return copy;
        });
      return fc.oneof(
        { weight: 8, arbitrary: complete },
        { weight: 1, arbitrary: partial },
        { weight: 1, arbitrary: withExtra },
      );
    }
    case 'array': {
      const items = (schema.items ?? {}) as Json;
      const minLength = Number(schema.minItems ?? 0);
      const maxLength = Math.max(minLength, Math.min(Number(schema.maxItems ?? 4), 4));
      return fc.array(child(items, name), { minLength, maxLength });
    }
    case 'integer':
      return fc.integer({
        min: Math.max(Number(schema.minimum ?? -1000), -1e9),
        max: Math.min(Number(schema.maximum ?? 1_000_000), 1e12),
      });
    case 'number':
      return fc.double({
        min: Number(schema.minimum ?? -1e6),
        max: Number(schema.maximum ?? 1e6),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(schema, lower);
    default:
      return anyHostile;
  }
}

function validString(schema: Json, lower: string): fc.Arbitrary<unknown> {
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = Math.min(Number(schema.maxLength ?? 40), 80);
  const sized = (arb: fc.Arbitrary<string>) =>
    arb.filter((s) => s.length >= minLength && s.length <= Number(schema.maxLength ?? Infinity));
  if (schema.format === 'uuid' || lower.endsWith('id') || lower.endsWith('ids'))
    return schema.format === 'uuid'
      ? fc.oneof(
          { weight: 5, arbitrary: fc.nat().map((n) => new PoolRef(lower, n)) },
          { weight: 1, arbitrary: fc.uuid() },
        )
      : fc.oneof(
          fc.nat().map((n) => new PoolRef(lower, n)),
          fc.string({ minLength, maxLength }),
        );
  if (schema.format === 'date-time')
    return fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2031-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  if (schema.format === 'date')
    return fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2031-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email' || lower.includes('email'))
    return fc.oneof(
      fc.emailAddress().filter((e) => e.length <= 254),
      fc.nat().map((n) => `fuzz-${n}@fuzz.test`),
    );
  if (lower.includes('password')) return fc.constantFrom('Fuzz-Strong-Pass-2026', 'short', 'x'.repeat(129));
  if (typeof schema.pattern === 'string') {
    try {
      return sized(fc.stringMatching(new RegExp(schema.pattern as string)));
    } catch {
      // A pattern fast-check cannot invert: plain strings.
    }
  }
  if (lower.includes('name'))
    return fc.oneof(
      fc.constantFrom('Nome Teste Fuzz', 'fuzz-bucket-a', 'Ação Ímpar'),
      fc.stringMatching(/^[a-z][a-z0-9-]{2,20}[a-z0-9]$/),
    );
  if (lower.includes('code')) return fc.oneof(fc.stringMatching(/^\d{6}$/), fc.string({ maxLength: 20 }));
  if (lower === 'key' || lower === 'prefix' || lower.endsWith('marker'))
    return fc.oneof(fc.constantFrom('notas.txt', 'fotos/', 'a/b/c.bin', ''), fc.string({ maxLength: 30 }));
  return fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
}

/** N values of `arbitrary`, always the same for the same seed. */
export function samples<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** Replaces every PoolRef in `value` with `resolve(ref)`. */
export function resolveRefs(value: unknown, resolve: (ref: PoolRef) => string): unknown {
  if (value instanceof PoolRef) return resolve(value);
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, resolve));
  if (value && typeof value === 'object' && !(value instanceof RawBody)) {
    const out: Json = {};
    for (const [key, child] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: resolveRefs(child, resolve),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return out;
  }
  return value;
}

/** Whole bodies that are not what the schema describes at all. */
export const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  hostileString,
  fc.constantFrom(
    new RawBody('{"unterminated": '),
    new RawBody('\u0000'),
    new RawBody('{"a":1,"a":2}'),
    new RawBody('[' + '['.repeat(5000) + ']'.repeat(5000) + ']'),
    new RawBody('{"__proto__":{"isAdmin":true}}'),
    new RawBody('{"constructor":{"prototype":{"polluted":1}}}'),
  ),
);
