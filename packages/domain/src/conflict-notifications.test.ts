import { describe, expect, it } from 'vitest';
import {
  conflictChanges,
  conflictNotices,
  spokenDay,
  storiesToJudge,
  type DependencyConflict,
} from './conflict-notifications';

const conflict: DependencyConflict = {
  blocker: { id: 'x', key: 'APP-3', title: 'Checkout API' },
  blockerTeam: { key: 'APP', owners: ['ann'], managers: [] },
  blocked: { id: 'y', key: 'WEB-4', title: 'Basket widget' },
  blockedTeam: { key: 'WEB', owners: ['wendy'], managers: ['tim'] },
  finishes: '2027-01-12',
  lands: '2026-12-29',
};
const actor = { id: 'ann', name: 'Ann' };

describe('conflictNotices', () => {
  it("tells the blocked story's POs, the blocker's POs and the PMs, each once, never the actor", () => {
    const notices = conflictNotices(conflict, {
      actor: { id: 'carl', name: 'Carl' },
      productManagers: ['paul', 'wendy'],
    });
    expect(notices.map((n) => [n.userId, n.side, n.storyId])).toEqual([
      ['wendy', 'blocked', 'y'],
      ['ann', 'blocker', 'x'],
      ['tim', 'blocked', 'y'],
      ['paul', 'blocked', 'y'],
    ]);
    expect(conflictNotices(conflict, { actor, productManagers: [] }).map((n) => n.userId)).toEqual([
      'wendy',
      'tim',
    ]);
  });

  it("says in each reader's terms who waits for whom, by when, and what either PO can do", () => {
    const [blocked, blocker, manager] = conflictNotices(conflict, {
      actor: { id: 'carl', name: 'Carl' },
      productManagers: [],
    }).map((n) => n.text);
    expect(blocked).toBe(
      "Carl's change makes a dependency conflict: your WEB-4 Basket widget waits for APP-3 of team APP, " +
        "but APP's order finishes it by 12 Jan 2027, after your team reaches WEB-4 (by 29 Dec 2026). " +
        "Rank WEB-4 lower, or ask APP's Product Owner to rank APP-3 higher.",
    );
    expect(blocker).toBe(
      "Carl's change makes a dependency conflict: your APP-3 Checkout API blocks WEB-4 of team WEB, " +
        'but your order finishes it by 12 Jan 2027, after team WEB reaches WEB-4 (by 29 Dec 2026). ' +
        "Rank APP-3 higher, or ask WEB's Product Owner to rank WEB-4 lower.",
    );
    expect(manager).toContain('APP-3 Checkout API (team APP) blocks WEB-4 Basket widget (team WEB)');
    // Only one's own story is named by its title: the other team's may be one the reader cannot read.
    expect(blocker).not.toContain('Basket widget');
    expect(blocked).not.toContain('Checkout API');
    const [never] = conflictNotices({ ...conflict, finishes: null }, { actor, productManagers: [] });
    expect(never?.text).toContain("but APP's order does not finish it within the forecast, after");
  });
});

describe('conflictChanges', () => {
  it('tells a conflict once: when it appears, not while it stands; and again after it went away', () => {
    const since = new Date();
    const links = [
      { id: 'new', blocker: 'a', blocked: 'b', conflictSince: null },
      { id: 'standing', blocker: 'c', blocked: 'd', conflictSince: since },
      { id: 'gone', blocker: 'e', blocked: 'f', conflictSince: since },
      { id: 'fine', blocker: 'g', blocked: 'h', conflictSince: null },
    ];
    const { appeared, resolved } = conflictChanges(links, (l) => l.id === 'new' || l.id === 'standing');
    expect(appeared.map((l) => l.id)).toEqual(['new']);
    expect(resolved.map((l) => l.id)).toEqual(['gone']);
  });
});

describe('storiesToJudge', () => {
  const story = (id: string) => ({ id, key: `APP-${id}` });
  it('names the stories moved in their queue and the blocker of a new link, with what the writer knew', () => {
    const judged = storiesToJudge([
      { type: 'story.ranked', data: { story: story('1') }, blocksAcrossTeams: false },
      { type: 'story.ranked', data: { story: story('2') }, blocksAcrossTeams: true },
      { type: 'story.updated', data: { story: story('3'), from: { sprintId: null } } },
      { type: 'story.updated', data: { story: story('4'), from: { title: 'Old' } } },
      { type: 'sprint.story_added', data: { story: story('5'), sprintId: 's' } },
      { type: 'link.added', data: { story: story('6'), link: { type: 'blocks' } }, blocksAcrossTeams: true },
      { type: 'link.added', data: { story: story('7'), link: { type: 'relates' } } },
      { type: 'comment.added', data: { story: story('8') } },
      { type: 'story.updated', data: { story: story('9'), from: { points: 3 } } },
    ]);
    expect([...judged]).toEqual([
      ['1', false],
      ['2', true],
      ['3', undefined],
      ['5', undefined],
      ['6', true],
      ['9', undefined],
    ]);
  });

  it('asks about a story unless every writer said it has no link across teams', () => {
    const ranked = (blocksAcrossTeams?: boolean) => ({
      type: 'story.ranked',
      data: { story: story('1') },
      blocksAcrossTeams,
    });
    expect(storiesToJudge([ranked(false), ranked(false)]).get('1')).toBe(false);
    expect(storiesToJudge([ranked(false), ranked()]).get('1')).toBeUndefined();
    expect(storiesToJudge([ranked(), ranked(true)]).get('1')).toBe(true);
  });
});

it('spokenDay writes a day the same for every reader', () => {
  expect(spokenDay('2027-01-02')).toBe('2 Jan 2027');
});
