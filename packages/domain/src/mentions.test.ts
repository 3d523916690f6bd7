import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt, mentionedHandles, newlyMentioned } from './mentions';

describe('mentionedHandles', () => {
  it('finds handles at the start, after spaces and punctuation, each once, lowercased', () => {
    expect(mentionedHandles('@ann can you and (@bob.k) look? cc @ANN, @c_d-e')).toEqual([
      'ann',
      'bob.k',
      'c_d-e',
    ]);
  });

  it('leaves the full stop of a sentence out of the handle', () => {
    expect(mentionedHandles('Thanks @ann. And @bob...')).toEqual(['ann', 'bob']);
  });

  it('does not take an email address for a mention', () => {
    expect(mentionedHandles('write to ann@example.com or a.b@x.io')).toEqual([]);
  });

  it('finds nothing in text without a handle after the @', () => {
    expect(mentionedHandles('@ @. email me @')).toEqual([]);
  });
});

describe('newlyMentioned', () => {
  it('names only the handles the edit added', () => {
    expect(newlyMentioned('@ann and @bob', 'ask @ann')).toEqual(['bob']);
    expect(newlyMentioned('@ann', '@ann @bob')).toEqual([]);
  });
});

describe('mentionAt and insertMention', () => {
  it('sees the mention being typed before the cursor', () => {
    expect(mentionAt('hello @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionAt('hello @', 7)).toEqual({ start: 6, query: '' });
    expect(mentionAt('mail a@b', 8)).toBeUndefined();
    expect(mentionAt('@ann done', 9)).toBeUndefined();
  });

  it('replaces the typed part with the picked handle and a space', () => {
    expect(insertMention('hello @an', 6, 9, 'ann.lee')).toEqual({ text: 'hello @ann.lee ', cursor: 15 });
    expect(insertMention('hi @a there', 3, 5, 'ann')).toEqual({ text: 'hi @ann there', cursor: 8 });
  });
});
