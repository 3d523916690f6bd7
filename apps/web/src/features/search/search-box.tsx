import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { MAX_SEARCH_TEXT } from '@ordo/domain';
import { drawerPath } from '../story/story-link';
import { searchQuery } from './queries';
import './search.css';

/** Waits until typing pauses, so each keystroke does not ask the server. */
function useSettled(value: string, ms = 150) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The search box of the top bar (`/` focuses it): every story of every project of mine, open or done, by key
 * or by words, with results as you type; Enter or a click opens the story in the drawer.
 */
export function SearchBox() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useSettled(text.trim());
  const results = useQuery(searchQuery(q));
  const navigate = useNavigate();
  const location = useLocation();
  const listId = useId();
  const items = q ? (results.data?.items ?? []) : [];
  useEffect(() => setActive(0), [q]);

  const openStory = (index: number) => {
    const hit = items[index];
    if (!hit) return;
    setOpen(false);
    setText('');
    // In the drawer, over the view on screen when it is of that project: the list stays where it was.
    void navigate(drawerPath(location, hit.project.key, hit.story.key));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, items.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter') openStory(active);
    else if (e.key === 'Escape') {
      setOpen(false);
      e.currentTarget.blur();
    } else return;
    e.preventDefault();
  };

  const showList = open && q.length > 0;
  return (
    <div className="search-box">
      <input
        type="search"
        data-search-box
        role="combobox"
        aria-label="Search all stories"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && items[active] ? `${listId}-${active}` : undefined}
        placeholder="Search all stories  /"
        maxLength={MAX_SEARCH_TEXT}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Search results">
          {items.map((hit, i) => (
            <li
              key={hit.story.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => openStory(i)}
            >
              <span className="search-key">{hit.story.key}</span>
              <span className="search-title">{hit.story.title}</span>
              <span className="muted small">{hit.project.name}</span>
            </li>
          ))}
          {items.length === 0 && !results.isFetching && (
            <li className="muted search-empty">No story matches “{q}”.</li>
          )}
        </ul>
      )}
    </div>
  );
}
