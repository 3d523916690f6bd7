import './keyboard.css';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { focusTargetOf, isTyping, nextRow } from './shortcuts';
import { CommandPalette } from './command-palette';
import { ShortcutsDialog } from './shortcuts-dialog';

/** Something the palette offers: a view to open, a story action, "create a story". */
export interface Command {
  id: string;
  group: string;
  label: string;
  /** Why not, when the member's roles do not allow it (the palette shows it and does not run it). */
  deniedReason?: string;
  run: () => void;
}

interface Registry {
  /** Views and features offer their commands while they are on screen; the palette reads them when it opens. */
  offer: (source: string, commands: Command[]) => () => void;
  all: () => Command[];
  openPalette: () => void;
}
const KeyboardContext = createContext<Registry | null>(null);

/** The commands `source` offers while it is mounted (read when the palette opens, so offering costs no render). */
export function useCommands(source: string, commands: Command[]) {
  const registry = useContext(KeyboardContext);
  useEffect(() => registry?.offer(source, commands), [registry, source, commands]);
}

export const useOpenPalette = () => useContext(KeyboardContext)?.openPalette;

/** Moves the focus through the stories of the current list (backlog rows, board cards, planning items). */
function stepThroughStories(step: 1 | -1) {
  const rows = [...document.querySelectorAll('main [data-story]')];
  const row = nextRow(rows, document.activeElement, step);
  if (row) focusTargetOf(row)?.focus();
}

/**
 * The keyboard layer of the signed-in app: Ctrl/⌘K opens the palette, `?` the list of shortcuts, `c` creates a
 * story where one may, `j`/`k` step through the list on screen, `/` goes to the search box.
 */
export function KeyboardProvider({ children }: { children: ReactNode }) {
  const sources = useRef(new Map<string, Command[]>());
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const all = useCallback(() => [...sources.current.values()].flat(), []);
  const registry = useMemo<Registry>(
    () => ({
      offer: (source, commands) => {
        sources.current.set(source, commands);
        return () => {
          if (sources.current.get(source) === commands) sources.current.delete(source);
        };
      },
      all,
      openPalette: () => setOpen('palette'),
    }),
    [all],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((current) => (current === 'palette' ? null : 'palette'));
        return;
      }
      if (
        e.defaultPrevented ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        isTyping(e.target) ||
        document.querySelector('[role="dialog"]')
      )
        return;
      const run = (id: string) =>
        all()
          .find((c) => c.id === id && !c.deniedReason)
          ?.run();
      const keys: Record<string, () => void> = {
        '?': () => setOpen('shortcuts'),
        c: () => run('story.create'),
        j: () => stepThroughStories(1),
        k: () => stepThroughStories(-1),
        '/': () => document.querySelector<HTMLElement>('[data-search-box]')?.focus(),
      };
      const action = keys[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [all]);
  return (
    <KeyboardContext.Provider value={registry}>
      {children}
      {open === 'palette' && <CommandPalette commands={all()} onClose={() => setOpen(null)} />}
      {open === 'shortcuts' && <ShortcutsDialog onClose={() => setOpen(null)} />}
    </KeyboardContext.Provider>
  );
}
