import type { Action } from '@ordo/domain';
import type { Client, Team, TestApp } from '../harness';

/** What a case may use to prepare its request: the running app, the team, and the admin's helpers. */
export interface AuthzFixture {
  t: TestApp;
  team: Team;
  /** `/api/projects/KEY` */
  base: string;
  admin: Client;
  /** A fresh backlog story, created by the admin; returns its key. */
  newStory(fields?: Record<string, unknown>): Promise<string>;
  /** A fresh story moved to the workflow's done status. */
  doneStory(): Promise<string>;
  /** The project's statuses in board order. */
  statuses(): Promise<{ id: string; name: string; category: string }[]>;
}

/**
 * One row of the authorization matrix: a route, the policy action it needs, and how to build a request
 * that succeeds for a caller allowed to do it. The matrix runs it for every role, an outsider and a stranger.
 */
export interface AuthzCase {
  /** `METHOD /path` exactly as in the OpenAPI document, e.g. `POST /api/projects/{key}/backlog/rank`. */
  route: string;
  action: Action;
  /** Tells cases of one route apart (PATCH story: text edit vs estimate). */
  name?: string;
  /**
   * `caller` is who will send it (absent in the hostile-input test): for routes that act on what the caller
   * made themselves, such as editing one's own comment.
   */
  request(f: AuthzFixture, caller?: Client): Promise<{ path: string; body?: unknown }>;
}
