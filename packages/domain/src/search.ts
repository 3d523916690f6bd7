/**
 * How search text is read, the same everywhere (all stories, the backlog, search across projects):
 * - a story key (`SHOP-42`, any case) asks for that story first;
 * - plain words are matched as you type: every word, the last one also as a prefix (`check` finds
 *   "checkout"); English stemming applies (`payments` finds "payment");
 * - anything with web-search syntax (`"exact words"`, `-word`, `or`) is handed to `websearch_to_tsquery`.
 */
export interface SearchText {
  /** The story key asked for, if the whole text is one. */
  key: { projectKey: string; number: number } | null;
  /** The text for `websearch_to_tsquery`. */
  web: string;
  /** A `to_tsquery` expression of letters, digits, `&` and `:*` only, or null when the text has syntax. */
  prefix: string | null;
}

const KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-([1-9][0-9]{0,8})$/;
const WORD = /[\p{L}\p{N}]+/gu;
const WEB_SYNTAX = /["-]|\bor\b/i;

export function readSearchText(q: string): SearchText {
  const text = q.trim();
  const key = KEY.exec(text);
  const words = text.match(WORD) ?? [];
  const prefix = WEB_SYNTAX.test(text) || words.length === 0 ? null : `${words.join(' & ')}:*`;
  return {
    key: key ? { projectKey: key[1]!.toUpperCase(), number: Number(key[2]) } : null,
    web: text,
    prefix,
  };
}
