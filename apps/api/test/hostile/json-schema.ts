/** The part of an OpenAPI 3 (JSON Schema) document the hostile-input test reads. */
export interface JsonSchema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const inRange = (n: number, s: JsonSchema) => n >= (s.minimum ?? -Infinity) && n <= (s.maximum ?? Infinity);

function allowsString(s: JsonSchema, v: unknown) {
  if (typeof v !== 'string' || v.length < (s.minLength ?? 0) || v.length > (s.maxLength ?? Infinity))
    return false;
  return !s.pattern || new RegExp(s.pattern).test(v);
}

function allowsObject(s: JsonSchema, v: unknown) {
  if (!isPlainObject(v)) return false;
  if ((s.required ?? []).some((name) => !(name in v))) return false;
  return Object.entries(v).every(([name, value]) => allows(s.properties?.[name], value));
}

/**
 * Whether the documented schema accepts `value`. It cannot see zod refinements (the story-point scale, "say
 * what to change"), so "allowed" here means "may be accepted": the test then only asserts it is no 5xx.
 */
export function allows(s: JsonSchema | undefined, v: unknown): boolean {
  if (!s) return true;
  if (v === null)
    return s.nullable === true || s.type === 'null' || (s.anyOf ?? []).some((x) => allows(x, v));
  if (s.anyOf) return s.anyOf.some((x) => allows(x, v));
  if (s.enum) return s.enum.includes(v);
  switch (s.type) {
    case 'string':
      return allowsString(s, v);
    case 'integer':
      return Number.isInteger(v) && inRange(v as number, s);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && inRange(v, s);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return (
        Array.isArray(v) &&
        v.length >= (s.minItems ?? 0) &&
        v.length <= (s.maxItems ?? Infinity) &&
        v.every((i) => allows(s.items, i))
      );
    case 'object':
      return allowsObject(s, v);
    default:
      return true;
  }
}

/** The schema of the value at `path` (property names and array indexes) inside `s`. */
export function schemaAt(s: JsonSchema | undefined, path: (string | number)[]): JsonSchema | undefined {
  if (!s || path.length === 0) return s;
  const [head, ...rest] = path;
  if (typeof head === 'number') return schemaAt(s.items, rest);
  const objectBranch = s.anyOf?.find((x) => x.type === 'object') ?? s;
  return schemaAt(objectBranch.properties?.[head!], rest);
}

/** A string holding an id of some resource rather than text a person typed: a uuid, a key, a sprint or "backlog". */
export const isIdLike = (s: JsonSchema) =>
  s.type === 'string' && (s.format === 'uuid' || (s.maxLength === undefined && !s.enum));
export const isNumeric = (s: JsonSchema) => s.type === 'integer' || s.type === 'number';
export const isDate = (s: JsonSchema) => s.type === 'string' && s.format === 'date';
