/**
 * `@handle` mentions in comments and story descriptions. A handle is lowercase letters, digits, `.`, `-`
 * and `_`, starting with a letter or digit (`handle.ts`); whether it is a member's is the caller's question.
 */

/** `@` at the start or after a character that cannot end an email's local part, then the handle. */
const MENTION = /(?<![\p{L}\p{N}._+-])@([a-z0-9][a-z0-9._-]*)/giu;

/** A sentence's full stop or a dash after a handle belongs to the sentence: `thanks @ann.` mentions `ann`. */
const trimHandle = (raw: string) => raw.toLowerCase().replace(/[.-]+$/, '');

/** The handles mentioned in `text`, lowercased, each once, in order of first mention. */
export function mentionedHandles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = trimHandle(match[1]!);
    if (handle) found.add(handle);
  }
  return [...found];
}

/** The handles mentioned in `text` that `before` did not mention yet (an edited description notifies only the new ones). */
export function newlyMentioned(text: string, before: string): string[] {
  const earlier = new Set(mentionedHandles(before));
  return mentionedHandles(text).filter((handle) => !earlier.has(handle));
}

/**
 * The mention being typed at `cursor` in an editor, if any: `{start, query}` where `start` is the index
 * of its `@`. The picker lists the members whose handle or name starts with `query`.
 */
export function mentionAt(text: string, cursor: number): { start: number; query: string } | undefined {
  const before = text.slice(0, cursor);
  const match = /(?<![\p{L}\p{N}._+-])@((?:[a-z0-9][a-z0-9._-]*)?)$/iu.exec(before);
  if (!match) return undefined;
  return { start: match.index, query: match[1]!.toLowerCase() };
}

/** `text` with the mention typed at `start…cursor` replaced by `@handle ` (and where the cursor goes next). */
export function insertMention(
  text: string,
  start: number,
  cursor: number,
  handle: string,
): { text: string; cursor: number } {
  const inserted = `@${handle} `;
  const rest = text.slice(cursor).replace(/^[a-z0-9._-]*/i, '');
  return {
    text: `${text.slice(0, start)}${inserted}${rest.startsWith(' ') ? rest.slice(1) : rest}`,
    cursor: start + inserted.length,
  };
}
