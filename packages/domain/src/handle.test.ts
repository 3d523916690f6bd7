import { describe, expect, it } from 'vitest';
import { HANDLE_MAX, HANDLE_PATTERN, handleCandidate, handleFromEmail } from './handle';
import { handle } from './schemas/auth';

describe('handles made from an email', () => {
  it.each([
    ['ada@ordo.dev', 'ada'],
    ['Jean.Dupont@example.fr', 'jean.dupont'],
    ['dev+ordo@x.io', 'dev.ordo'],
    ['José.Müller@x.de', 'jose.muller'],
    ['__x__@x.io', 'x'],
    ['"!!!"@x.io', 'user'],
    ['a_b-c@x.io', 'a_b-c'],
  ])('%s → %s', (email, expected) => {
    expect(handleFromEmail(email)).toBe(expected);
  });

  it('is always a valid handle, even from a very long local part', () => {
    for (const email of ['x'.repeat(64) + '@a.b', 'a.'.repeat(40) + '@a.b', '😀@a.b', '-.-@a.b']) {
      const h = handleFromEmail(email);
      expect(h).toMatch(HANDLE_PATTERN);
      expect(h.length).toBeLessThanOrEqual(HANDLE_MAX);
      expect(handle.safeParse(h).success).toBe(true);
    }
  });

  it('numbers the next choices and keeps them within the length limit', () => {
    expect(handleCandidate('ada', 1)).toBe('ada');
    expect(handleCandidate('ada', 2)).toBe('ada-2');
    const long = 'x'.repeat(HANDLE_MAX);
    expect(handleCandidate(long, 12)).toHaveLength(HANDLE_MAX);
    expect(handleCandidate(long, 12).endsWith('-12')).toBe(true);
  });
});

describe('the handle schema', () => {
  it('lowercases and trims what a person types, and refuses what cannot be a handle', () => {
    expect(handle.parse('  Ada.L ')).toBe('ada.l');
    for (const bad of ['', 'a b', '@ada', '.ada', 'ada!', 'x'.repeat(HANDLE_MAX + 1)]) {
      expect(handle.safeParse(bad).success).toBe(false);
    }
  });
});
