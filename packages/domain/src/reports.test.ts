import { describe, expect, it } from 'vitest';
import { aSprint, aStory, eventLog, uuid } from './events.fixtures';
import { burndown, sprintReport, velocityReport } from './reports';
import type { StatusCategory } from './schemas/project';
import type { Story } from './schemas/story';
import { sumPoints } from './sprint';

const [TODO, DOING, DONE] = [uuid(9001), uuid(9002), uuid(9003)];
const categories = new Map<string, StatusCategory>([
  [TODO, 'todo'],
  [DOING, 'in_progress'],
  [DONE, 'done'],
]);
const planned = aSprint({ startDate: '2025-03-03', endDate: '2025-03-07' });
const S = planned.id;
const sprint = { id: S, startDate: '2025-03-03', endDate: '2025-03-07' };

/**
 * Writes a log the way the API does: each story event carries the whole story after the change (a new
 * version), and every event is whole and valid by its schema. Stories are named by their titles.
 */
function logBook() {
  const log = eventLog();
  const stories = new Map<string, Story>();
  const change = (at: string, title: string, fields: Partial<Story>) => {
    const before = stories.get(title)!;
    const story = { ...before, ...fields, version: before.version + 1, updatedAt: `${at}Z` };
    stories.set(title, story);
    return { before, story };
  };
  const inSprint = () => [...stories.values()].filter((s) => s.sprintId === S && !s.deleted);
  return {
    events: log.events,
    create(at: string, title: string, points: number | null) {
      const story = aStory(stories.size + 1, { title, points, createdAt: `${at}Z`, updatedAt: `${at}Z` });
      stories.set(title, story);
      log.append(`${at}Z`, 'story.created', { story });
    },
    plan(at: string, title: string) {
      log.append(`${at}Z`, 'sprint.story_added', {
        story: change(at, title, { sprintId: S }).story,
        sprintId: S,
      });
    },
    unplan(at: string, title: string) {
      const { story } = change(at, title, { sprintId: null });
      log.append(`${at}Z`, 'sprint.story_removed', { story, sprintId: S });
    },
    move(at: string, title: string, statusId: string) {
      const { before, story } = change(at, title, { statusId });
      log.append(`${at}Z`, 'story.transitioned', { story, from: { statusId: before.statusId } });
    },
    accept(at: string, title: string) {
      log.append(`${at}Z`, 'story.accepted', { story: change(at, title, { accepted: true }).story });
    },
    delete(at: string, title: string) {
      log.append(`${at}Z`, 'story.deleted', { story: change(at, title, { deleted: true }).story });
    },
    start(at: string) {
      const stories = inSprint();
      const started = { ...planned, state: 'active' as const, startedAt: `${at}Z` };
      log.append(`${at}Z`, 'sprint.started', {
        sprint: { ...started, committedPoints: sumPoints(stories) },
        stories: stories.map((s) => s.key),
      });
    },
    complete(at: string) {
      const open = inSprint().filter((s) => s.statusId !== DONE);
      const closed = { ...planned, state: 'closed' as const, completedAt: `${at}Z` };
      log.append(`${at}Z`, 'sprint.completed', {
        sprint: closed,
        moveOpenTo: 'backlog',
        carriedOver: open.length,
      });
    },
  };
}

/**
 * Sprint 1 runs Monday 3 to Friday 7 March 2025. Committed at the start: A 5, B 3, C 8, E 1 = 17 points.
 * Tue: A done (17 → 12). Wed: D (2) added, E (1) removed, B done → C 8 + D 2 = 10. Thu: nothing. Fri: C done → 2.
 */
function sprintOneLog() {
  const log = logBook();
  log.create('2025-03-01T09:00:00', 'A', 5);
  log.create('2025-03-01T09:01:00', 'B', 3);
  log.create('2025-03-01T09:02:00', 'C', 8);
  log.create('2025-03-01T09:03:00', 'D', 2);
  log.create('2025-03-01T09:04:00', 'E', 1);
  for (const title of ['A', 'B', 'C', 'E']) log.plan('2025-03-02T10:00:00', title);
  log.start('2025-03-03T09:00:00');
  log.move('2025-03-03T15:00:00', 'A', DOING);
  log.move('2025-03-04T11:00:00', 'A', DONE);
  log.plan('2025-03-05T10:00:00', 'D');
  log.unplan('2025-03-05T10:05:00', 'E');
  log.move('2025-03-05T16:00:00', 'B', DONE);
  log.move('2025-03-07T14:00:00', 'C', DONE);
  return log;
}

/** …and completes on Friday at 17:00; D goes back to the backlog; the PO accepts A on Monday after. */
function completedSprintOneLog() {
  const log = sprintOneLog();
  log.complete('2025-03-07T17:00:00');
  log.unplan('2025-03-07T17:00:00', 'D');
  log.accept('2025-03-10T09:00:00', 'A');
  return log;
}

describe('burndown', () => {
  it('gives the remaining points at the end of each day and the ideal line from 17 to 0', () => {
    const { days, committedPoints } = burndown({
      sprint,
      events: completedSprintOneLog().events,
      categories,
      today: '2025-03-20',
    });
    expect(committedPoints).toBe(17);
    expect(days.map((d) => [d.date, d.remaining, d.ideal])).toEqual([
      ['2025-03-03', 17, 17],
      ['2025-03-04', 12, 12.75],
      ['2025-03-05', 10, 8.5],
      ['2025-03-06', 10, 4.25],
      ['2025-03-07', 2, 0],
    ]);
  });

  it('marks the scope changes on the day they happened', () => {
    const { days } = burndown({ sprint, events: sprintOneLog().events, categories, today: '2025-03-07' });
    expect(days.map((d) => d.scopeChanges.map((c) => `${c.change} ${c.title} ${c.points}`))).toEqual([
      [],
      [],
      ['added D 2', 'removed E 1'],
      [],
      [],
    ]);
  });

  it('leaves the days still to come of an active sprint empty', () => {
    const { days } = burndown({ sprint, events: sprintOneLog().events, categories, today: '2025-03-05' });
    expect(days.map((d) => d.remaining)).toEqual([17, 12, 10, null, null]);
  });

  it('ignores what happens to the stories after the sprint completed (the carry-over of D)', () => {
    const { days } = burndown({
      sprint,
      events: completedSprintOneLog().events,
      categories,
      today: '2025-03-20',
    });
    expect(days.at(-1)?.scopeChanges).toEqual([]);
  });

  it('a sprint started and worked after its dates (a late start, an import) shows its commitment, then the close', () => {
    const log = logBook();
    for (const [id, points] of [
      ['A', 5],
      ['B', 3],
      ['C', 8],
    ] as const)
      log.create('2025-03-20T09:00:00', id, points);
    for (const title of ['A', 'B', 'C']) log.plan('2025-03-20T09:01:00', title);
    log.start('2025-03-20T09:02:00');
    log.move('2025-03-20T09:03:00', 'A', DONE);
    log.move('2025-03-20T09:04:00', 'B', DONE);
    log.complete('2025-03-20T09:05:00');
    const { days, committedPoints } = burndown({
      sprint,
      events: log.events,
      categories,
      today: '2025-03-20',
    });
    expect(committedPoints).toBe(16);
    expect(days.map((d) => d.remaining)).toEqual([16, 16, 16, 16, 8]);
  });

  it('shows no remaining points for a sprint that has not started, and no days without dates', () => {
    const log = logBook();
    log.create('2025-03-01T09:00:00', 'A', 5);
    log.plan('2025-03-01T10:00:00', 'A');
    const planned = burndown({ sprint, events: log.events, categories, today: '2025-03-05' });
    expect(planned.committedPoints).toBe(5);
    expect(planned.days.every((d) => d.remaining === null)).toBe(true);
    const undated = burndown({
      sprint: { ...sprint, endDate: null },
      events: log.events,
      categories,
      today: '2025-03-05',
    });
    expect(undated.days).toEqual([]);
  });
});

describe('the sprint report', () => {
  const keys = (group: { stories: { title: string }[] }) => group.stories.map((s) => s.title);

  it('counts committed 17, completed 16, accepted 5, carried over 2, added 2, removed 1', () => {
    const report = sprintReport({ sprint, events: completedSprintOneLog().events, categories });
    expect(report.committed.points).toBe(17);
    expect(keys(report.committed)).toEqual(['A', 'B', 'C', 'E']);
    expect(report.completed.points).toBe(16);
    expect(keys(report.completed)).toEqual(['A', 'B', 'C']);
    expect(report.accepted.points).toBe(5);
    expect(keys(report.accepted)).toEqual(['A']);
    expect([report.carriedOver.points, keys(report.carriedOver)]).toEqual([2, ['D']]);
    expect([report.addedMidSprint.points, keys(report.addedMidSprint)]).toEqual([2, ['D']]);
    expect([report.removedMidSprint.points, keys(report.removedMidSprint)]).toEqual([1, ['E']]);
  });

  it('carries nothing over while the sprint still runs', () => {
    const report = sprintReport({ sprint, events: sprintOneLog().events, categories });
    expect(report.completed.points).toBe(16);
    expect(report.carriedOver).toEqual({ points: 0, stories: [] });
  });

  it('counts a deleted story as gone from the sprint', () => {
    const log = sprintOneLog();
    log.delete('2025-03-06T09:00:00', 'C');
    const report = sprintReport({ sprint, events: log.events, categories });
    expect(keys(report.removedMidSprint)).toEqual(['C', 'E']);
  });

  it('reads the log with the event schemas: a story snapshot that does not fit them is no story', () => {
    const log = logBook();
    log.create('2025-03-01T09:00:00', 'A', 5);
    log.plan('2025-03-01T10:00:00', 'A');
    // Only the fields a report shows, not the whole story an event carries: skipped, A stays in the sprint.
    const { id, key, title, points, statusId, accepted } = aStory(1, { title: 'A', points: 5 });
    const partial = { id, key, title, points, sprintId: null, statusId, accepted, deleted: false };
    log.events.push({
      ...log.events[1]!,
      seq: 3,
      type: 'sprint.story_removed',
      data: { story: partial, sprintId: S },
    });
    const report = sprintReport({ sprint, events: log.events, categories });
    expect(keys(report.committed)).toEqual(['A']);
  });

  it('takes the plan of a sprint that has not started as its commitment', () => {
    const log = logBook();
    log.create('2025-03-01T09:00:00', 'A', 5);
    log.plan('2025-03-01T10:00:00', 'A');
    const report = sprintReport({ sprint, events: log.events, categories });
    expect([report.committed.points, report.addedMidSprint.points]).toEqual([5, 0]);
  });
});

describe('velocity', () => {
  const closed = [10, 12, 8, 15, 20, 18, 25].map((completedPoints, i) => ({
    id: `s${i + 1}`,
    name: `Sprint ${i + 1}`,
    startDate: null,
    endDate: null,
    committedPoints: completedPoints + 2,
    completedPoints,
    completedAt: `2025-0${i + 1}-28T12:00:00.000Z`,
  }));

  it('charts the last 6 closed sprints, oldest first, with their average: 98 / 6 = 16.3', () => {
    const report = velocityReport([...closed].reverse());
    expect(report.sprints.map((s) => [s.name, s.committedPoints, s.completedPoints])).toEqual([
      ['Sprint 2', 14, 12],
      ['Sprint 3', 10, 8],
      ['Sprint 4', 17, 15],
      ['Sprint 5', 22, 20],
      ['Sprint 6', 20, 18],
      ['Sprint 7', 27, 25],
    ]);
    expect(report.average).toBe(16.3);
  });

  it('suggests the last 3 as capacity: (20 + 18 + 25) / 3 = 21', () => {
    expect(velocityReport(closed).capacity).toBe(21);
  });

  it('knows nothing before a sprint closes', () => {
    expect(velocityReport([])).toEqual({ sprints: [], average: null, capacity: null });
  });
});
