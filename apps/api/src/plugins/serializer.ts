import type { FastifySerializerCompiler } from 'fastify/types/schema';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };
const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * What fast-json-stringify needs of a schema, and no more. Patterns are for validating input, not for
 * writing output; and a nullable field (`anyOf: [{type: 'string', pattern}, {type: 'null'}]`) made it
 * run a validator per value to pick the branch, which cost more than the whole JSON encoding of a
 * backlog. A nullable primitive becomes `type: ['string', 'null']`, which it writes without one.
 */
export function forSerializing(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerializing);
  if (!schema || typeof schema !== 'object') return schema;
  const { pattern: _, ...rest } = schema as JsonSchema;
  const anyOf = rest.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const other = anyOf.find((branch) => branch.type !== 'null');
    if (other && anyOf.some((branch) => branch.type === 'null') && PRIMITIVES.has(other.type as string)) {
      const { anyOf: __, ...outer } = rest;
      return { ...outer, ...(forSerializing(other) as JsonSchema), type: [other.type, 'null'] };
    }
  }
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, forSerializing(value)]));
}

/**
 * Responses are written by fast-json-stringify from the JSON Schema of each route's zod response schema:
 * the same shape the OpenAPI document shows, unknown properties dropped, and about ten times faster than
 * validating every row with zod (a 5,000-story backlog is the hot path). The mappers that build responses
 * are typed from the same schemas, so the check zod would add is done by the compiler.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return fastJson(forSerializing(jsonSchema) as Parameters<typeof fastJson>[0]);
};
