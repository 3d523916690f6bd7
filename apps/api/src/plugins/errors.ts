import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERROR_STATUS, type ErrorCode } from '@ordo/domain';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER } from '../lib/database-errors';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  const retryAfter = (details as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply
    .code(ERROR_STATUS[code])
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
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
    const path = String(v.instancePath ?? '')
      .replace(/^\//, '')
      .replaceAll('/', '.');
    return { path: path ? `${context}.${path}` : context, message: v.message ?? 'is invalid' };
  });
}

/** Node's HTTP parser errors, answered before Fastify sees a request. */
const PARSER_ERRORS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [413, 'payload_too_large', 'The request headers are too large'],
  HPE_INVALID_CONTENT_LENGTH: [400, 'validation_failed', 'The Content-Length header is wrong'],
  HPE_UNEXPECTED_CONTENT_LENGTH: [400, 'validation_failed', 'The Content-Length header is wrong'],
  HPE_INVALID_TRANSFER_ENCODING: [400, 'validation_failed', 'The Transfer-Encoding header is wrong'],
};

/**
 * A request Node could not even parse (a bad Content-Length, headers over the limit, garbage) is answered
 * in the contract's error shape too, then the connection closes: nothing more on it can be trusted.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, code, message] = PARSER_ERRORS[error.code ?? ''] ?? [
    400,
    'validation_failed',
    'The request is malformed',
  ];
  const field = message.match(/The (\S+) header/)?.[1]?.toLowerCase();
  const body = JSON.stringify({
    error: {
      code,
      message,
      ...(field ? { details: { issues: [{ path: field, message: 'is wrong' }] } } : {}),
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
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
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unreachable');
      return sendError(reply, 'unavailable', 'The database is unreachable; try again shortly', {
        retryAfter: UNAVAILABLE_RETRY_AFTER,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  });
});
