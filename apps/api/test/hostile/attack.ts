import { ERROR_STATUS, type ErrorCode } from '@ordo/domain';
import type { Client } from '../harness';
import { lastSeqOf, scopedState } from '../database-state';
import type { HostileTarget, ValidRequest } from './target';
import {
  anyBodyRequests,
  fieldRequests,
  pathRequests,
  queryRequests,
  wholeBodyRequests,
  type HostileRequest,
} from './variants';

/** The target and the valid requests of its routes outside a project. */
export type Attack = HostileTarget & { service: Record<string, () => Promise<ValidRequest>> };

export function validRequests(h: Attack, route: string): (() => Promise<ValidRequest>)[] {
  const { cases, fixture, team } = h;
  const service = h.service[route];
  if (service) return [service];
  return cases
    .filter((c) => c.route === route)
    .map((c) => async () => ({ ...(await c.request(fixture)), client: team.admin }));
}

/** What a refused request must leave alone: the project's event log, or the caller's project list. */
async function lastSeq(h: Attack, route: string): Promise<string> {
  if (route.includes('/api/projects/{key}')) return String(await lastSeqOf(h.t, h.team.key));
  if (route === 'POST /api/projects') return JSON.stringify((await h.loner.get('/api/projects')).body);
  return '';
}

/**
 * Every row of the project and its product (or of the loner's product, which the product routes' variants
 * are sent to), to catch a write that appended no event.
 */
async function projectState(h: Attack, route: string): Promise<string> {
  if (route.includes('/api/products/{product}'))
    return JSON.stringify(await scopedState(h.t, { products: [h.product] }));
  if (!route.includes('/api/projects/{key}')) return lastSeq(h, route);
  return JSON.stringify(await scopedState(h.t, { projects: [h.team.key] }));
}

function hostileRequests(h: Attack, route: string, valid: ValidRequest): HostileRequest[] {
  const { spec, foreign } = h;
  const [method, template] = route.split(' ') as [string, string];
  const operation = spec.paths[template]![method.toLowerCase()]!;
  const bodySchema = operation.requestBody?.content['application/json'].schema;
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const requests = pathRequests(template, valid.path, valid.body, foreign);
  if (bodySchema)
    requests.push(
      ...fieldRequests(valid.path, valid.body, bodySchema, foreign),
      ...wholeBodyRequests(valid.path, valid.body, bodySchema),
    );
  if (method !== 'GET') requests.push(...anyBodyRequests(valid.path));
  else requests.push(...queryRequests(valid.path, query));
  // The instance admin may name any user: another project's is no foreign id there.
  if (template.startsWith('/api/admin/')) {
    for (const r of requests) if (r.label.includes("another project's")) r.expect = 'any';
  }
  // The refused ones first: the project must look the same after all of them.
  return requests.sort((a, b) => Number(a.expect === 'any') - Number(b.expect === 'any'));
}

async function send(client: Client, method: string, request: HostileRequest) {
  const headers: Record<string, string> = {
    ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
  };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const res = await fetch(`${client.baseUrl}${request.path}`, { method, headers, body: request.body });
  return { status: res.status, text: await res.text() };
}

function parsed(
  text: string,
): { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What is wrong with the answer to a hostile request, if anything. */
function problemWith(reply: { status: number; text: string }, request: HostileRequest): string | undefined {
  if (reply.status >= 500) return `${reply.status} ${reply.text.slice(0, 200)}`;
  if (reply.status < 400) return request.expect === 'refused' ? `accepted with ${reply.status}` : undefined;
  const error = parsed(reply.text)?.error;
  const status = ERROR_STATUS[error?.code as ErrorCode];
  if (status !== reply.status || typeof error?.message !== 'string' || error.message === '') {
    return `${reply.status} is not in the contract's error shape: ${reply.text.slice(0, 200)}`;
  }
  const said = `${error.message} ${JSON.stringify(error.details ?? '')}`;
  if (reply.status === 400 && !said.includes(request.field))
    return `400 does not name ${request.field}: ${error.message}`;
  return undefined;
}

/** Sends every hostile variant of the route's valid requests; returns what went wrong, one line each. */
export async function attack(h: Attack, route: string): Promise<string[]> {
  const method = route.split(' ')[0]!;
  const failures: string[] = [];
  const done = new Set<string>();
  for (const makeValid of validRequests(h, route)) {
    let valid = await makeValid();
    let pending = hostileRequests(h, route, valid).filter((r) => !done.has(r.label));
    let stateBefore = await projectState(h, route);
    let seq = await lastSeq(h, route);
    while (pending.length > 0) {
      const request = pending.shift()!;
      done.add(request.label);
      const reply = await send(valid.client, method, request);
      const seqAfter = await lastSeq(h, route);
      const problem = problemWith(reply, request);
      if (problem) failures.push(`${request.label}: ${problem}`);
      else if (reply.status >= 400 && seqAfter !== seq)
        failures.push(`${request.label}: refused (${reply.status}) but wrote`);
      seq = seqAfter;
      if (
        request.expect === 'refused' &&
        pending[0]?.expect !== 'refused' &&
        (await projectState(h, route)) !== stateBefore
      ) {
        failures.push('the refused variants changed the project');
      }
      if (reply.status < 300) {
        // An accepted variant may have used up the valid request (a deleted story, a bumped version).
        valid = await makeValid();
        const labels = new Set(pending.map((r) => r.label));
        pending = hostileRequests(h, route, valid).filter((r) => labels.has(r.label));
        seq = await lastSeq(h, route);
        if (pending.some((r) => r.expect === 'refused')) stateBefore = await projectState(h, route);
      }
    }
  }
  return failures;
}
