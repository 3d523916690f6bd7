import { describe, expect, it, vi } from 'vitest';
import type { LiveUser } from '@ordo/domain';
import { Presence } from '../src/modules/live/presence';

/** Instances wired through a hand-delivered NOTIFY bus: notices wait in `queue` until delivered. */
function cluster(size: number) {
  const queue: string[] = [];
  const shown: Array<Map<string, string[]>> = [];
  const instances = Array.from({ length: size }, (_, i) => {
    shown.push(new Map());
    return new Presence({
      publish: async (notice) => void queue.push(notice),
      changed: (projectId, users) =>
        shown[i]!.set(
          projectId,
          users.map((u) => u.name),
        ),
      heartbeatMs: 1000,
    });
  });
  const deliver = (notices = queue.splice(0), to = instances) => {
    for (const notice of notices) for (const instance of to) instance.receive(notice);
  };
  return { instances, queue, shown, deliver };
}

const ada: LiveUser = { id: 'u-ada', name: 'Ada' };
const bob: LiveUser = { id: 'u-bob', name: 'Bob' };
const names = (presence: Presence, projectId: string) => presence.usersOf(projectId).map((u) => u.name);

describe('presence across instances', () => {
  it('shows everyone watching on any instance, each once, and forgets who leaves', () => {
    const {
      instances: [a, b],
      deliver,
    } = cluster(2);
    const tabOne = {};
    const tabTwo = {};
    a!.join('p1', tabOne, ada);
    a!.join('p1', tabTwo, ada);
    b!.join('p1', {}, bob);
    deliver();
    expect(names(a!, 'p1')).toEqual(['Ada', 'Bob']);
    expect(names(b!, 'p1')).toEqual(['Ada', 'Bob']);
    a!.leave('p1', tabOne);
    deliver();
    expect(names(b!, 'p1')).toEqual(['Ada', 'Bob']);
    a!.leave('p1', tabTwo);
    deliver();
    expect(names(b!, 'p1')).toEqual(['Bob']);
  });

  it('lets an instance that starts watching a project learn who was there already', () => {
    const {
      instances: [a, b],
      queue,
      deliver,
    } = cluster(2);
    a!.join('p1', {}, ada);
    deliver(queue.splice(0), [a!]); // b was not listening yet
    b!.join('p1', {}, bob);
    deliver(); // b's ask, and its own list
    deliver(); // a's answer
    expect(names(b!, 'p1')).toEqual(['Ada', 'Bob']);
    expect(names(a!, 'p1')).toEqual(['Ada', 'Bob']);
  });

  it('ignores a list that arrives after a newer one from the same instance', () => {
    const {
      instances: [a, b],
      queue,
      deliver,
    } = cluster(2);
    const tab = {};
    a!.join('p1', tab, ada);
    a!.leave('p1', tab);
    const [ask, joined, left] = queue.splice(0);
    deliver([ask!, left!, joined!]);
    expect(names(b!, 'p1')).toEqual([]);
  });

  it('drops the viewers of an instance that says bye, or falls silent', () => {
    const {
      instances: [a, b, c],
      deliver,
    } = cluster(3);
    a!.join('p1', {}, ada);
    b!.join('p1', {}, bob);
    deliver();
    a!.bye();
    deliver();
    expect(names(c!, 'p1')).toEqual(['Bob']);
    // Three heartbeats (1 s each) without a word from b.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 3001);
      c!.beat();
    } finally {
      vi.useRealTimers();
    }
    expect(names(c!, 'p1')).toEqual([]);
  });

  it('tells its sockets only when the list changes', () => {
    const {
      instances: [a],
      shown,
    } = cluster(1);
    a!.join('p1', {}, ada);
    shown[0]!.clear();
    a!.join('p1', {}, ada);
    expect(shown[0]!.size).toBe(0);
    a!.join('p1', {}, bob);
    expect(shown[0]!.get('p1')).toEqual(['Ada', 'Bob']);
  });
});
