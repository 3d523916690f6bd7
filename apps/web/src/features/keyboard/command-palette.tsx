import { useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Dialog } from '../../shared/ui/dialog';
import { drawerPath } from '../story/story-link';
import type { Command } from './commands';
import { matchCommands, storyKeyIn } from './shortcuts';

/** "WRK-12" typed: the story opens in the drawer over the current view of its project, or over its backlog. */
function useOpenStoryCommand(query: string): Command | null {
  const navigate = useNavigate();
  const location = useLocation();
  const typed = storyKeyIn(query);
  if (!typed) return null;
  return {
    id: 'story.open',
    group: 'Open',
    label: typed.storyKey,
    run: () => void navigate(drawerPath(location, typed.projectKey, typed.storyKey)),
  };
}

/** Ctrl/⌘K: every command of the views on screen, filtered as you type; ↑/↓ choose, Enter runs. */
export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const openStory = useOpenStoryCommand(query);
  const shown = [...(openStory ? [openStory] : []), ...matchCommands(commands, query)].slice(0, 50);
  const chosen = shown[Math.min(active, shown.length - 1)];
  const run = (command: Command | undefined) => {
    if (!command || command.deniedReason) return;
    onClose();
    command.run();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (e.key in moves) {
      e.preventDefault();
      setActive((i) =>
        Math.min(Math.max(Math.min(i, shown.length - 1) + moves[e.key]!, 0), shown.length - 1),
      );
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(chosen);
    }
  };
  return (
    <Dialog title="Command palette" onClose={onClose}>
      <input
        aria-label="Command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-options"
        aria-activedescendant={chosen ? `palette-${chosen.id}` : undefined}
        placeholder="Type a command, a view or a story key"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-options" role="listbox" aria-label="Commands" className="palette-options">
        {shown.map((command) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={command === chosen}
            aria-disabled={command.deniedReason !== undefined}
            title={command.deniedReason}
            className="palette-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(command)}
          >
            <span className="muted">{command.group}</span> {command.label}
            {command.deniedReason && <span className="muted"> · {command.deniedReason}</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No command matches “{query}”.</li>}
      </ul>
    </Dialog>
  );
}
