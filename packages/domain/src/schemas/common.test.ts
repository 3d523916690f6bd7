import { describe, expect, it } from 'vitest';
import { MAX_DB_INTEGER, requiredText, text } from './common';
import { eventsQuery } from './event';
import { updateStoryBody } from './story';

describe('input the database cannot hold is refused by the schemas', () => {
  it('refuses text holding a NUL character (PostgreSQL text and jsonb cannot store it)', () => {
    expect(text(50).safeParse('a\u0000b').success).toBe(false);
    expect(requiredText(50).safeParse('a\u0000b').success).toBe(false);
    expect(text(50).safeParse('a b').success).toBe(true);
  });

  it('refuses numbers beyond the integer columns they are compared with', () => {
    expect(eventsQuery.safeParse({ since: String(MAX_DB_INTEGER + 1) }).success).toBe(false);
    expect(eventsQuery.safeParse({ since: String(MAX_DB_INTEGER) }).success).toBe(true);
    expect(updateStoryBody.safeParse({ version: MAX_DB_INTEGER + 1 }).success).toBe(false);
  });
});
