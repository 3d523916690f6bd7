import { useQuery } from '@tanstack/react-query';
import { LabelInput, SearchInput } from '../../shared/ui/search-input';
import { TypeOptions } from '../story/story-chips';
import { EpicPicker, MemberPicker } from '../projects/pickers';
import { projectQuery } from '../projects/queries';
import { sprintsQuery } from '../planning/queries';
import type { ListField, ListParams } from './list-filter';

interface Props {
  projectKey: string;
  params: ListParams;
  onChange: (field: ListField, value: string) => void;
}

const SORTS = [
  ['', 'Backlog order'],
  ['updated', 'Last updated'],
  ['created', 'Newest'],
  ['due', 'Due soonest'],
] as const;

/** Every filter of `GET .../stories`; each change rewrites the URL, which the list reads. */
export function ListFilters({ projectKey, params, onChange }: Props) {
  const statuses = useQuery(projectQuery(projectKey)).data?.statuses ?? [];
  const sprints = useQuery(sprintsQuery(projectKey)).data?.items ?? [];
  const select = (field: ListField, label: string) => ({
    'aria-label': label,
    value: params[field] ?? '',
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
  });
  return (
    <div className="row story-filters" role="search">
      <SearchInput value={params.q ?? ''} onSearch={(q) => onChange('q', q)} />
      <select {...select('status', 'Filter by status')}>
        <option value="">Any status</option>
        {statuses.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <select {...select('sprint', 'Filter by sprint')}>
        <option value="">Any sprint</option>
        <option value="none">In no sprint</option>
        {sprints.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <EpicPicker
        projectKey={projectKey}
        aria-label="Filter by epic"
        noneLabel="All epics"
        extra={[{ value: 'none', label: 'No epic' }]}
        value={params.epic ?? ''}
        onPick={(id) => onChange('epic', id)}
      />
      <MemberPicker
        projectKey={projectKey}
        aria-label="Filter by assignee"
        noneLabel="Anyone"
        extra={[{ value: 'none', label: 'Nobody' }]}
        value={params.assignee ?? ''}
        onPick={(id) => onChange('assignee', id)}
      />
      <LabelInput value={params.label ?? ''} onLabel={(label) => onChange('label', label)} />
      <select {...select('type', 'Filter by type')}>
        <option value="">All types</option>
        <TypeOptions />
      </select>
      <select {...select('done', 'Open or done')}>
        <option value="">Open and done</option>
        <option value="false">Open only</option>
        <option value="true">Done only</option>
      </select>
      <label className="row filter-toggle">
        <input
          type="checkbox"
          checked={params.due === 'overdue'}
          onChange={(e) => onChange('due', e.target.checked ? 'overdue' : '')}
        />
        Overdue
      </label>
      <label className="row filter-toggle">
        <input
          type="checkbox"
          checked={params.deleted === 'true'}
          onChange={(e) => onChange('deleted', e.target.checked ? 'true' : '')}
        />
        Trash
      </label>
      <select {...select('sort', 'Sort by')}>
        {SORTS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
