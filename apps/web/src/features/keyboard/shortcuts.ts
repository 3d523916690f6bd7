/** Every keyboard shortcut, as the "?" list shows it; the handlers read the same keys. */
export const SHORTCUTS = [
  { keys: ['Ctrl', 'K'], does: 'Open the command palette (⌘K on a Mac)' },
  { keys: ['/'], does: 'Search stories' },
  { keys: ['c'], does: 'Create a story' },
  { keys: ['j'], does: 'Next story in the list' },
  { keys: ['k'], does: 'Previous story in the list' },
  { keys: ['Enter'], does: 'Open the story in focus' },
  { keys: ['↑/↓', '←/→'], does: 'In a list (one Tab stop): the next row, or the next control of the row' },
  { keys: ['Esc'], does: 'Close the story or the dialog' },
  { keys: ['Alt', '↑/↓'], does: 'Backlog: move the story one place (with Shift: to the top or bottom)' },
  { keys: ['Alt', '←/→'], does: 'Board: move the card to the previous or next column' },
  { keys: ['?'], does: 'Show this list' },
] as const;

/** Letters typed into a field are text, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[contenteditable=""], [contenteditable="true"]') !== null
  );
}

/** The row `step` places from the one holding the focus (the first or last one when none does); no wrap-around. */
export function nextRow(
  rows: readonly Element[],
  focused: Element | null,
  step: 1 | -1,
): Element | undefined {
  const at = rows.findIndex((row) => focused !== null && row.contains(focused));
  if (at === -1) return step === 1 ? rows[0] : rows.at(-1);
  return rows[Math.min(Math.max(at + step, 0), rows.length - 1)];
}

/** What takes the focus in a list row: its story link (Enter opens it), else the row itself. */
export const focusTargetOf = (row: Element): HTMLElement | null =>
  row.querySelector<HTMLElement>('a[href]') ?? (row as HTMLElement);

/** A story key typed into the palette (`shop-42` too): the palette offers to open that story. */
export function storyKeyIn(query: string): { projectKey: string; storyKey: string } | null {
  const match = /^\s*([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})\s*$/.exec(query);
  if (!match) return null;
  const projectKey = match[1]!.toUpperCase();
  return { projectKey, storyKey: `${projectKey}-${match[2]}` };
}

/** The palette's filter: every word typed appears in the command's group or label, in any order and case. */
export function matchCommands<C extends { group: string; label: string }>(
  commands: readonly C[],
  query: string,
): C[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => {
    const text = `${c.group} ${c.label}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
