import { useEffect, useState } from 'react';
import { STORY_TYPES, type BacklogFilter } from '@ordo/domain';
import { useEpicsById, useMembersById } from '../projects/lookups';

interface Props {
  projectKey: string;
  filter: BacklogFilter;
  onChange: (field: 'q' | 'label' | 'epic' | 'assignee' | 'type', value: string) => void;
}

const SEARCH_DELAY_MS = 250;

/** Text search waits for a pause in typing so every keystroke does not ask the server. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <input type="search" placeholder="Search stories" aria-label="Search stories" value={text} onChange={(e) => setText(e.target.value)} />
  );
}

export function BacklogFilters({ projectKey, filter, onChange }: Props) {
  const epics = useEpicsById(projectKey);
  const members = useMembersById(projectKey);
  return (
    <div className="row filters" role="search">
      <SearchBox value={filter.q ?? ''} onSearch={(q) => onChange('q', q)} />
      <input placeholder="Label" aria-label="Filter by label" defaultValue={filter.label ?? ''} onBlur={(e) => onChange('label', e.target.value.trim())} />
      <select aria-label="Filter by epic" value={filter.epic ?? ''} onChange={(e) => onChange('epic', e.target.value)}>
        <option value="">All epics</option>
        {[...epics.values()].map((epic) => (
          <option key={epic.id} value={epic.id}>
            {epic.title}
          </option>
        ))}
      </select>
      <select aria-label="Filter by assignee" value={filter.assignee ?? ''} onChange={(e) => onChange('assignee', e.target.value)}>
        <option value="">Anyone</option>
        {[...members.values()].map((m) => (
          <option key={m.user.id} value={m.user.id}>
            {m.user.name}
          </option>
        ))}
      </select>
      <select aria-label="Filter by type" value={filter.type ?? ''} onChange={(e) => onChange('type', e.target.value)}>
        <option value="">All types</option>
        {STORY_TYPES.map((t) => (
          <option key={t} value={t}>
            {t[0]?.toUpperCase() + t.slice(1)}
          </option>
        ))}
      </select>
    </div>
  );
}
