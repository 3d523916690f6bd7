import { OPEN, type LiveSocket, type Timers } from './socket';

/** A stand-in for the browser's WebSocket, driven by the test as if it were the server. */
export class FakeSocket implements LiveSocket {
  readyState = 0;
  readonly sent: unknown[] = [];
  onopen: LiveSocket['onopen'] = null;
  onmessage: LiveSocket['onmessage'] = null;
  onclose: LiveSocket['onclose'] = null;
  onerror: LiveSocket['onerror'] = null;

  constructor(readonly url: string) {}

  send(data: string) {
    if (this.readyState !== OPEN) throw new Error('InvalidStateError: the socket is not open');
    this.sent.push(JSON.parse(data));
  }

  close(code = 1005) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }

  /** The server accepts the connection. */
  open() {
    this.readyState = OPEN;
    this.onopen?.({});
  }

  /** The server sends a message. */
  receive(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  /** The connection is lost (network, server restart). */
  drop() {
    this.onerror?.({});
    this.close(1006);
  }
}

/** A clock the test moves by hand. */
export class ManualTimers implements Timers {
  now = 0;
  private tasks = new Map<number, { at: number; run: () => void }>();
  private ids = 0;

  setTimeout(run: () => void, ms: number) {
    this.tasks.set(++this.ids, { at: this.now + ms, run });
    return this.ids;
  }

  clearTimeout(timer: unknown) {
    this.tasks.delete(timer as number);
  }

  /** The delays of the timers waiting now, from now. */
  get pending() {
    return [...this.tasks.values()].map((t) => t.at - this.now);
  }

  advance(ms: number) {
    this.now += ms;
    for (const [id, task] of [...this.tasks]) {
      if (task.at > this.now) continue;
      this.tasks.delete(id);
      task.run();
    }
  }
}
