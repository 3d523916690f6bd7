import { describe, expect, it } from 'vitest';
import { projectKey } from '@ordo/domain';
import { suggestKey } from './suggest-key';

describe('suggestKey', () => {
  it('takes the initials of several words', () => {
    expect(suggestKey('Online Shop')).toBe('OS');
  });
  it('takes the start of a single word', () => {
    expect(suggestKey('Payments')).toBe('PAYM');
  });
  it('gives keys the API accepts', () => {
    for (const name of [
      'Online Shop',
      'web 2 app',
      'Ordo',
      'Big Shiny New Thing For Everyone Now Please OK',
    ]) {
      expect(projectKey.safeParse(suggestKey(name)).success).toBe(true);
    }
  });
});
