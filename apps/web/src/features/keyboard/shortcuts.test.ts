// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { focusTargetOf, isTyping, matchCommands, nextRow, storyKeyIn } from './shortcuts';

function rows(count: number) {
  document.body.innerHTML = Array.from(
    { length: count },
    (_, i) => `<div data-story="S-${i + 1}"><a href="?story=S-${i + 1}">S-${i + 1}</a></div>`,
  ).join('');
  return [...document.querySelectorAll('[data-story]')];
}

describe('j/k through a list', () => {
  it('starts at the first row (j) or the last (k) when no row has the focus', () => {
    const list = rows(3);
    expect(nextRow(list, document.body, 1)).toBe(list[0]);
    expect(nextRow(list, null, -1)).toBe(list[2]);
  });

  it('steps from the row holding the focus (its link inside counts) and stops at the ends', () => {
    const list = rows(3);
    const link = list[1]!.querySelector('a');
    expect(nextRow(list, link, 1)).toBe(list[2]);
    expect(nextRow(list, link, -1)).toBe(list[0]);
    expect(nextRow(list, list[2]!, 1)).toBe(list[2]);
    expect(nextRow(list, list[0]!, -1)).toBe(list[0]);
    expect(nextRow([], null, 1)).toBeUndefined();
  });

  it('focuses the story link of a row, or the row when it has none', () => {
    const [row] = rows(1);
    expect(focusTargetOf(row!)?.tagName).toBe('A');
    document.body.innerHTML = '<article data-story="S-9">card</article>';
    const card = document.querySelector('[data-story]')!;
    expect(focusTargetOf(card)).toBe(card);
  });
});

describe('isTyping', () => {
  it('is true in fields and editable text, false elsewhere', () => {
    document.body.innerHTML =
      '<input id="i"><textarea id="t"></textarea><select id="s"></select><div id="e" contenteditable="true"></div><button id="b"></button>';
    for (const id of ['i', 't', 's']) expect(isTyping(document.getElementById(id))).toBe(true);
    expect(isTyping(document.getElementById('b'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('the palette', () => {
  const commands = [
    { group: 'Go to', label: 'Backlog' },
    { group: 'Go to', label: 'Board' },
    { group: 'Story', label: 'Move to In Review' },
  ];
  it('keeps the commands holding every typed word, in any case and order', () => {
    expect(matchCommands(commands, 'b').map((c) => c.label)).toEqual(['Backlog', 'Board']);
    expect(matchCommands(commands, 'review MOVE').map((c) => c.label)).toEqual(['Move to In Review']);
    expect(matchCommands(commands, '  ')).toHaveLength(3);
    expect(matchCommands(commands, 'roadmap')).toEqual([]);
  });

  it('reads a story key, in any case, and nothing else', () => {
    expect(storyKeyIn(' shop-42 ')).toEqual({ projectKey: 'SHOP', storyKey: 'SHOP-42' });
    expect(storyKeyIn('SHOP 42')).toBeNull();
    expect(storyKeyIn('reset password')).toBeNull();
  });
});
