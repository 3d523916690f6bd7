/**
 * The part of the browser's WebSocket that the live client uses. Node's `ws` has the same shape, so the
 * web app passes `(url) => new WebSocket(url)` and scripts and tests pass one built on `ws`.
 */

/** A handler type that accepts the richer event types of real sockets (checked both ways, like DOM handlers). */
type Handler<E> = { handle(event: E): void }['handle'];

export interface LiveSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number }> | null;
  onerror: Handler<unknown> | null;
}

export type SocketFactory = (url: string) => LiveSocket;

/** `WebSocket.OPEN` in every implementation. */
export const OPEN = 1;

/** Timers of the host (browser or Node); tests pass their own clock. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const host = globalThis as unknown as Timers;
export const hostTimers: Timers = {
  setTimeout: (run, ms) => host.setTimeout(run, ms),
  clearTimeout: (timer) => host.clearTimeout(timer),
};
