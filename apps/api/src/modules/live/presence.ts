import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LiveUser } from '@ordo/domain';
import { liveUser } from '@ordo/domain';
import { isSilent, mergeUsers, sameUsers } from './presence-rules';

/**
 * Who watches which project, across instances. Each instance owns the viewers of its own sockets and
 * tells the others over NOTIFY: `state` (its full list for one project, on every change), `ask` (when it
 * gets its first viewer of a project, so the others answer with their `state`), `beat` (it is alive) and
 * `bye` (it shuts down). Lists of instances that fall silent are dropped.
 */
const presenceNotice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('state'),
    from: z.string(),
    n: z.number(),
    projectId: z.string(),
    users: z.array(liveUser),
  }),
  z.object({ kind: z.literal('ask'), from: z.string(), projectId: z.string() }),
  z.object({ kind: z.literal('beat'), from: z.string() }),
  z.object({ kind: z.literal('bye'), from: z.string() }),
]);
type PresenceNotice = z.infer<typeof presenceNotice>;

/** NOTIFY payloads stop at 8,000 bytes: presence shows names cut to this length (avatars show initials). */
const NAME_LIMIT = 40;

/** An instance's list for one project; `n` orders its notices, which may arrive out of order. */
type RemoteList = { n: number; users: LiveUser[] };

export interface PresenceDeps {
  publish(notice: string): Promise<void>;
  /** The project's viewers changed; `users` is everyone, on every instance. */
  changed(projectId: string, users: LiveUser[]): void;
  heartbeatMs: number;
}

export class Presence {
  readonly instance = randomUUID();
  /** This instance's viewers: project → viewer (a subscription) → user. */
  private local = new Map<string, Map<object, LiveUser>>();
  /** Other instances' viewers: project → instance → their latest list. */
  private remote = new Map<string, Map<string, RemoteList>>();
  private sent = 0;
  private lastHeard = new Map<string, number>();
  private shown = new Map<string, LiveUser[]>();

  constructor(private readonly deps: PresenceDeps) {}

  /** Everyone watching the project now, on any instance. */
  usersOf(projectId: string): LiveUser[] {
    return this.shown.get(projectId) ?? [];
  }

  join(projectId: string, viewer: object, user: LiveUser) {
    const viewers = this.local.get(projectId) ?? new Map<object, LiveUser>();
    if (viewers.size === 0) this.publish({ kind: 'ask', from: this.instance, projectId });
    this.local.set(projectId, viewers.set(viewer, { id: user.id, name: user.name.slice(0, NAME_LIMIT) }));
    this.localChanged(projectId);
  }

  leave(projectId: string, viewer: object) {
    const viewers = this.local.get(projectId);
    if (!viewers?.delete(viewer)) return;
    if (viewers.size === 0) this.local.delete(projectId);
    this.localChanged(projectId);
  }

  receive(payload: string) {
    const parsed = presenceNotice.safeParse(safeJson(payload));
    if (!parsed.success || parsed.data.from === this.instance) return;
    this.lastHeard.set(parsed.data.from, Date.now());
    this.apply(parsed.data);
  }

  /** Says this instance is alive, and forgets instances that stopped saying so. */
  beat() {
    this.publish({ kind: 'beat', from: this.instance });
    const now = Date.now();
    for (const [instance, heard] of this.lastHeard) {
      if (isSilent(heard, now, this.deps.heartbeatMs)) this.forget(instance);
    }
  }

  bye() {
    this.publish({ kind: 'bye', from: this.instance });
  }

  private apply(notice: PresenceNotice) {
    switch (notice.kind) {
      case 'state':
        return this.setRemote(notice.projectId, notice.from, notice);
      case 'ask':
        if (this.local.has(notice.projectId)) this.publishState(notice.projectId);
        return;
      case 'beat':
        return;
      case 'bye':
        return this.forget(notice.from);
    }
  }

  private setRemote(projectId: string, instance: string, list: RemoteList | undefined) {
    const instances = this.remote.get(projectId) ?? new Map<string, RemoteList>();
    if (list && list.n < (instances.get(instance)?.n ?? -1)) return;
    // An empty list is kept for its `n`, so that an older list arriving late cannot bring viewers back.
    if (list) instances.set(instance, list);
    else instances.delete(instance);
    if (instances.size > 0) this.remote.set(projectId, instances);
    else this.remote.delete(projectId);
    this.recompute(projectId);
  }

  private forget(instance: string) {
    this.lastHeard.delete(instance);
    for (const projectId of [...this.remote.keys()]) this.setRemote(projectId, instance, undefined);
  }

  private localChanged(projectId: string) {
    this.publishState(projectId);
    this.recompute(projectId);
  }

  private localUsers(projectId: string) {
    return mergeUsers([this.local.get(projectId)?.values() ?? []]);
  }

  private recompute(projectId: string) {
    const remote = [...(this.remote.get(projectId)?.values() ?? [])].map((list) => list.users);
    const users = mergeUsers([this.localUsers(projectId), ...remote]);
    if (sameUsers(users, this.usersOf(projectId))) return;
    if (users.length > 0) this.shown.set(projectId, users);
    else this.shown.delete(projectId);
    this.deps.changed(projectId, users);
  }

  private publishState(projectId: string) {
    this.publish({
      kind: 'state',
      from: this.instance,
      n: ++this.sent,
      projectId,
      users: this.localUsers(projectId),
    });
  }

  private publish(notice: PresenceNotice) {
    void this.deps.publish(JSON.stringify(notice));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
