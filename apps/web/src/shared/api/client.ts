import { errorResponse } from '@ordo/domain';

/** Anything with a zod-like `parse`: the domain's response schemas. Kept structural so the web app needs no zod. */
export interface Parser<T> {
  parse(data: unknown): T;
}

/** A refusal from the API in the contract's shape `{error: {code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  /** JSON, or a file sent as it is (an import) with `contentType`. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

function bodyOf(options: RequestOptions): { headers: Record<string, string>; body?: BodyInit } {
  if (options.body === undefined) return { headers: {} };
  if (options.body instanceof Blob)
    return { headers: { 'content-type': options.contentType ?? options.body.type }, body: options.body };
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(options.body) };
}

/** What the API says went wrong, falling back to the status line when the body is not the contract's shape. */
async function toApiError(res: Response): Promise<ApiError> {
  const parsed = errorResponse.safeParse(await res.json().catch(() => null));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code, message, details);
  }
  return new ApiError(res.status, 'unavailable', `The server answered ${res.status} ${res.statusText}`);
}

/** Calls the API with the session cookie and parses the answer with the domain schema; a 204 yields undefined. */
export async function request<T>(path: string, schema: Parser<T>, options?: RequestOptions): Promise<T>;
export async function request(path: string, schema: null, options?: RequestOptions): Promise<void>;
export async function request<T>(path: string, schema: Parser<T> | null, options: RequestOptions = {}) {
  const res = await fetch(`/api${path}`, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    ...bodyOf(options),
    signal: options.signal,
  });
  if (!res.ok) throw await toApiError(res);
  if (schema === null || res.status === 204) return undefined;
  return schema.parse(await res.json());
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** The sentence to show a person for any failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.name === 'ZodError')
    return 'The server answered in an unexpected shape';
  return 'The server could not be reached. Check your connection and try again.';
}

/** The type a domain schema parses to, without the web app depending on zod itself. */
export type Parsed<P> = P extends Parser<infer T> ? T : never;
