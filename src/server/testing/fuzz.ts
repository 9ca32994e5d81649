// Test support for the OpenAPI-driven fuzz test: a plausible value for every schema (so a request
// gets past validation of the fields not under test) and a fixed set of hostile values per field.

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body?: JsonSchema;
  multipart: boolean;
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        parameters?: { in: string; name: string; schema?: JsonSchema }[];
      }
    >
  >;
};

/** Every operation of the OpenAPI document, with its parameters and JSON body schema. */
export function operationsOf(spec: OpenApi): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(
          params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]),
        ),
        body: content['application/json']?.schema,
        multipart: Boolean(content['multipart/form-data']) || /\/(files|imports?)$/.test(path),
      };
    }),
  );
}

const CANDIDATES = [
  'x',
  'PH',
  'PH-HK',
  'en',
  'USD',
  '2024',
  '2024-01-01',
  'fuzz_key',
  'abc',
  'org_type',
  '1',
];

/** A value the schema accepts, as far as a simple generator can tell (required properties only). */
export function sample(schema: JsonSchema | undefined, uuid: string): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return sample(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], uuid);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name], uuid);
      return out;
    }
    case 'array':
      return schema.minItems ? [sample(schema.items, uuid)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return sampleString(schema, uuid);
  }
}

function sampleString(schema: JsonSchema, uuid: string): string {
  if (schema.format === 'uuid') return uuid;
  if (schema.format === 'email') return 'fuzz@example.org';
  if (schema.format === 'date-time') return '2024-01-01T00:00:00Z';
  if (schema.format === 'date') return '2024-01-01';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) =>
    s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  return CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(min, 1));
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Crafted cursors: far or malformed dates, non-uuid ids, NUL, numbers out of range. */
export const HOSTILE_CURSORS: readonly string[] = [
  b64('99999-01-01T00:00:00.000Z|------------------------------------'),
  b64('+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000'),
  b64('1|zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'),
  b64('a\u0000b@example.org'),
  b64('{"o":1e23}'),
  b64('1e23'),
  '!!!',
];

/** Hostile text for every string: NUL, lone surrogates, far dates, huge numbers, operator runs for full-text search. */
export const HOSTILE_TEXT: readonly string[] = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '99999-01-01',
  '1e23',
  '-'.repeat(40),
  `${'- '.repeat(40)}x`,
  `${'-"'.repeat(40)}x`,
  'x'.repeat(3000),
];

const typeOf = (schema: JsonSchema): string | undefined => {
  const inner = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  return Array.isArray(inner.type) ? inner.type.find((t) => t !== 'null') : inner.type;
};

/** Hostile values for a query or path parameter of this schema. */
export function hostileParams(name: string, schema: JsonSchema): string[] {
  const type = typeOf(schema);
  if (name === 'cursor') return [...HOSTILE_TEXT.slice(0, 2), ...HOSTILE_CURSORS];
  if (name === 'q') return [...HOSTILE_TEXT];
  if (type === 'integer' || type === 'number') return ['1e23', '-1e23', '1.5', 'a\u0000b'];
  return [...SHORT_TEXT];
}

/** The classes every plain string gets: NUL, both unpaired surrogates, a far date, a huge number. */
const SHORT_TEXT = HOSTILE_TEXT.slice(0, 5).filter((_, i) => i !== 2);

/** Hostile JSON values for a body property of this schema: wrong types, huge numbers, bad text inside lists and maps. */
export function hostileJson(schema: JsonSchema, uuid: string): unknown[] {
  const inner = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return [1e23, -1e23, 1.5, '1'];
    case 'boolean':
      return ['true'];
    case 'array':
      return [['a\u0000b'], ['\ud800'], [1e23]];
    case 'object':
      return inner.properties
        ? hostileBodies(inner, uuid)
            .map((h) => h.body)
            .filter((_, i) => i % 6 === 0)
        : [{ en: 'a\u0000b' }, { ar: 'x\udc00y', en: 'ok' }];
    default:
      return [...SHORT_TEXT, 'x'.repeat(20_000), {}];
  }
}

/** Every hostile variant of a JSON body: each property replaced in turn, the rest left plausible. */
export function hostileBodies(schema: JsonSchema, uuid: string): { label: string; body: unknown }[] {
  const base = sample(schema, uuid) as Record<string, unknown>;
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) =>
    hostileJson(prop, uuid).map((value) => ({
      label: `${name}=${show(value)}`,
      body: { ...base, [name]: value },
    })),
  );
}

/** A short printable form of a hostile value, for failure messages. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…(${s.length})` : s);
}
