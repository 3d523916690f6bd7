import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERROR_STATUS, type ErrorCode } from '@ordo/domain';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  const retryAfter = (details as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(ERROR_STATUS[code]).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** Fastify's own error codes for bad requests, in the contract's words. */
const FASTIFY_CLIENT_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is larger than 1 MiB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['validation_failed', 'Send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['validation_failed', 'The Content-Length header is wrong'],
};

type Issue = { path: string; message: string };

function validationIssues(error: FastifyError): Issue[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const path = String(v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    return { path: path ? `${context}.${path}` : context, message: v.message ?? 'is invalid' };
  });
}

/** One error shape everywhere: `{ error: { code, message, details? } }`, and never a stack trace. */
export const errorHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return sendError(reply, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = validationIssues(error);
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return sendError(reply, 'validation_failed', summary, { issues });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return sendError(reply, known[0], known[1]);
    if (error.statusCode === 429) return sendError(reply, 'rate_limited', 'Too many requests, slow down');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, 'validation_failed', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  });
});
