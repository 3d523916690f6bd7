import { allows, isDate, isIdLike, isNumeric, schemaAt, type JsonSchema } from './json-schema';

/** `refused`: the request must get a 4xx. `any`: the documented schema allows it, so only a 5xx is a failure. */
export type Expectation = 'refused' | 'any';

/** One hostile request derived from a valid one: what to send instead, and which field it attacks. */
export interface HostileRequest {
  label: string;
  /** The field a 400 must name (a body property, a path or query parameter, `body`, `content-type`). */
  field: string;
  expect: Expectation;
  path: string;
  /** The raw request body (already JSON, or deliberately not). */
  body?: string;
  contentType?: string;
}

/** Ids of another project's resources (and its story key): never valid in this project. */
export interface ForeignIds {
  ids: Record<string, string>;
  storyKey: string;
}

type Segment = string | number;
interface ValueVariant {
  label: string;
  value: unknown;
  /** Refused whatever the documented schema says (a refinement or the database must say no). */
  forced?: boolean;
}

const MISSING = Symbol('missing');
export const LONG_TEXT = 'x'.repeat(100_000);
/** One per run, so a request rebuilt after an accepted variant keeps its label. */
const UNKNOWN_ID = crypto.randomUUID();
const STORY_KEY = /^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]*$/;

const wrongTypes = (valid: unknown): ValueVariant[] => [
  { label: 'a number', value: 42 },
  { label: 'a string', value: typeof valid === 'number' ? String(valid) : 'wrong' },
  { label: 'null', value: null },
  { label: 'an array', value: [] },
  { label: 'an object', value: {} },
  { label: 'a boolean', value: true },
];

const strings = (): ValueVariant[] => [
  { label: '100,000 characters', value: LONG_TEXT, forced: true },
  { label: 'an empty string', value: '' },
  { label: 'a NUL character', value: 'a\u0000b' },
];

const numbers = (): ValueVariant[] => [
  { label: 'negative', value: -1, forced: true },
  { label: 'beyond a 32-bit integer', value: 2 ** 31, forced: true },
  { label: 'huge', value: 1e20, forced: true },
  { label: 'fractional', value: 2.5, forced: true },
];

function ids(foreign: ForeignIds, valid: unknown): ValueVariant[] {
  const variants: ValueVariant[] = [
    { label: 'not-a-uuid', value: 'not-a-uuid', forced: true },
    { label: 'an unknown uuid', value: UNKNOWN_ID, forced: true },
    ...Object.entries(foreign.ids).map(([what, id]) => ({
      label: `another project's ${what}`,
      value: id,
      forced: true,
    })),
  ];
  if (typeof valid === 'string' && STORY_KEY.test(valid)) {
    const project = valid.split('-')[0];
    variants.push(
      { label: "another project's story key", value: foreign.storyKey, forced: true },
      { label: 'an unknown story key', value: `${project}-999999`, forced: true },
    );
  }
  return variants;
}

/** Hostile items, for arrays the valid body leaves out (those it holds have their first item attacked). */
const items = (): ValueVariant[] => [
  { label: 'an item of 100,000 characters', value: [LONG_TEXT], forced: true },
  { label: 'a NUL character item', value: ['a\u0000b'] },
  { label: 'a number item', value: [42] },
  { label: 'a null item', value: [null] },
];

/** Maps keyed by id (where a removed status's stories go): unknown, foreign or malformed on either side. */
const entries = (foreign: ForeignIds): ValueVariant[] => [
  { label: 'an entry of unknown ids', value: { [UNKNOWN_ID]: UNKNOWN_ID } },
  { label: "an entry of another project's ids", value: { [foreign.ids.status!]: foreign.ids.status } },
  { label: 'an entry of malformed ids', value: { 'not-a-uuid': 'not-a-uuid' }, forced: true },
];

const dates = (): ValueVariant[] => [
  { label: 'the 30th of February', value: '2026-02-30', forced: true },
  { label: 'a day-first date', value: '24/12/2026', forced: true },
];

/** Every hostile value for one field, by what its schema says it holds. */
function valueVariants(s: JsonSchema, valid: unknown, foreign: ForeignIds): ValueVariant[] {
  return [
    ...wrongTypes(valid),
    ...strings(),
    ...(s.enum ? [{ label: 'an unknown enum value', value: 'not_a_value', forced: true }] : []),
    ...(isNumeric(s) ? numbers() : []),
    ...(isIdLike(s) ? ids(foreign, valid) : []),
    ...(isDate(s) ? dates() : []),
    ...(s.type === 'array' ? items() : []),
    ...(typeof s.additionalProperties === 'object' ? entries(foreign) : []),
  ];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields to attack: those of the valid body (first array item only) and every documented property. */
export function fieldsOf(body: unknown, s: JsonSchema | undefined, at: Segment[] = []): Segment[][] {
  const found: Segment[][] = [];
  if (Array.isArray(body) && body.length > 0)
    found.push([...at, 0], ...fieldsOf(body[0], s?.items, [...at, 0]));
  if (isRecord(body) || (at.length === 0 && s?.properties)) {
    const names = new Set([...Object.keys(isRecord(body) ? body : {}), ...Object.keys(s?.properties ?? {})]);
    for (const name of names) {
      const value = isRecord(body) ? body[name] : undefined;
      found.push([...at, name], ...fieldsOf(value, s?.properties?.[name], [...at, name]));
    }
  }
  return found;
}

function setAt(body: unknown, path: Segment[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<Segment, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>;
  const last = path[path.length - 1]!;
  if (value === MISSING) delete parent[last];
  else parent[last] = value;
  return copy;
}

const getAt = (body: unknown, path: Segment[]) =>
  path.reduce<unknown>((value, segment) => (value as Record<Segment, unknown> | undefined)?.[segment], body);

/** Each field of the valid body replaced by hostile values, or left out. */
export function fieldRequests(
  path: string,
  body: unknown,
  s: JsonSchema,
  foreign: ForeignIds,
): HostileRequest[] {
  return fieldsOf(body, s).flatMap((at) => {
    const field = at.filter((p) => typeof p === 'string').at(-1) as string;
    const fieldSchema = schemaAt(s, at) ?? {};
    const valid = getAt(body, at);
    const variants = [
      ...valueVariants(fieldSchema, valid, foreign),
      ...(valid === undefined ? [] : [{ label: 'left out', value: MISSING }]),
    ];
    return variants.map((v): HostileRequest => {
      const hostile = setAt(body, at, v.value);
      return {
        label: `${at.join('.')} ${v.label}`,
        // Leaving out the only field of an edit leaves nothing to change: then the body is what is wrong.
        field: isRecord(hostile) && Object.keys(hostile).length === 0 ? 'body' : field,
        expect: v.forced || !allows(s, hostile) ? 'refused' : 'any',
        path,
        body: JSON.stringify(hostile),
      };
    });
  });
}

/** The whole body replaced: other JSON types, malformed JSON, prototype keys, another content type. */
export function wholeBodyRequests(path: string, body: unknown, s: JsonSchema): HostileRequest[] {
  const valid = JSON.stringify(body);
  const replaced = [[], null, 'str', 42, true, {}].map((value): HostileRequest => ({
    label: `body ${JSON.stringify(value)}`,
    field: 'body',
    expect: allows(s, value) ? 'any' : 'refused',
    path,
    body: JSON.stringify(value),
  }));
  const withKey = (key: string) => `{"${key}":{"isAdmin":true},${valid.slice(1)}`;
  return [
    ...replaced,
    { label: 'a __proto__ key', field: '__proto__', expect: 'refused', path, body: withKey('__proto__') },
    {
      label: 'a constructor key',
      field: 'constructor',
      expect: 'refused',
      path,
      body: withKey('constructor'),
    },
    {
      label: 'text/plain',
      field: 'content-type',
      expect: 'refused',
      path,
      body: valid,
      contentType: 'text/plain',
    },
  ];
}

/** What every state-changing route must refuse, body or not: malformed JSON and a body over 1 MiB. */
export function anyBodyRequests(path: string): HostileRequest[] {
  return [
    { label: 'malformed JSON', field: 'body', expect: 'refused', path, body: '{"title": "unfinished' },
    {
      label: 'a body over 1 MiB',
      field: 'body',
      expect: 'refused',
      path,
      body: JSON.stringify({ title: 'x'.repeat(1.1 * 1024 * 1024) }),
    },
  ];
}

/** Path parameters of another project, of nothing, or malformed; a lowercase project key. */
function paramValues(name: string, valid: string, foreign: ForeignIds): ValueVariant[] {
  if (name === 'key')
    return [
      { label: 'lowercase', value: valid.toLowerCase() },
      { label: 'unknown', value: 'NOPE9' },
    ];
  const project = valid.split('-')[0]!;
  if (name === 'story') {
    return [
      { label: "another project's story", value: foreign.storyKey },
      { label: 'unknown', value: `${project}-999999` },
      { label: 'number 0', value: `${project}-0` },
      { label: 'lowercase', value: valid.toLowerCase() },
      { label: 'malformed', value: 'not-a-key' },
      { label: '30 digits', value: `${project}-${'9'.repeat(30)}` },
    ];
  }
  return ids(foreign, valid);
}

/** The valid request with one path parameter replaced; every such request must be refused. */
export function pathRequests(
  template: string,
  path: string,
  body: unknown,
  foreign: ForeignIds,
): HostileRequest[] {
  const [pathname, search] = path.split('?');
  const names = template.split('/');
  const values = pathname!.split('/');
  return names.flatMap((segment, i) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) return [];
    return paramValues(name, values[i]!, foreign).map((v): HostileRequest => {
      const hostile =
        values.with(i, encodeURIComponent(String(v.value))).join('/') + (search ? `?${search}` : '');
      return {
        label: `:${name} ${v.label}`,
        field: name,
        expect: 'refused',
        path: hostile,
        body: body === undefined ? undefined : JSON.stringify(body),
      };
    });
  });
}

/** A documented query parameter of an OpenAPI operation. */
export interface QueryParameter {
  name: string;
  schema: JsonSchema;
}

/** A query value as the route's (coercing) schema would judge it. */
function queryAllows(s: JsonSchema, raw: string) {
  return isNumeric(s) ? allows(s, Number(raw)) : allows(s, raw);
}

/** Each documented query parameter given malformed values, repeated, or far too long; an unknown one. */
export function queryRequests(path: string, parameters: QueryParameter[]): HostileRequest[] {
  const [pathname, search] = path.split('?');
  const withQuery = (query: URLSearchParams) => `${pathname}?${query.toString()}`;
  const unknown = new URLSearchParams(search);
  unknown.append('unknown', '1');
  unknown.append('__proto__', 'x');
  const requests: HostileRequest[] = [
    { label: 'an unknown parameter', field: 'unknown', expect: 'any', path: withQuery(unknown) },
  ];
  for (const { name, schema } of parameters) {
    const raws = ['not-a-uuid', '-1', '2147483648', '1e999', '1.5', '', 'true', 'a\u0000b', 'x'.repeat(5000)];
    for (const raw of raws) {
      const query = new URLSearchParams(search);
      query.set(name, raw);
      const expect = queryAllows(schema, raw) ? 'any' : 'refused';
      requests.push({ label: `?${name}=${raw.slice(0, 20)}`, field: name, expect, path: withQuery(query) });
    }
    const repeated = new URLSearchParams(search);
    repeated.set(name, '1');
    repeated.append(name, '2');
    requests.push({ label: `?${name} twice`, field: name, expect: 'refused', path: withQuery(repeated) });
  }
  return requests;
}
