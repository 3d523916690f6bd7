import type { BacklogFilter } from '@ordo/domain';
import { LabelInput, SearchInput } from '../../shared/ui/search-input';
import { TypeOptions } from '../story/story-chips';
import { EpicPicker, MemberPicker } from '../projects/pickers';
import type { FilterField } from './use-backlog-filter';

interface Props {
  projectKey: string;
  filter: BacklogFilter;
  onChange: (field: FilterField, value: string) => void;
}

export function BacklogFilters({ projectKey, filter, onChange }: Props) {
  return (
    <div className="row filters" role="search">
      <SearchInput value={filter.q ?? ''} onSearch={(q) => onChange('q', q)} />
      <LabelInput value={filter.label ?? ''} onLabel={(label) => onChange('label', label)} />
      <EpicPicker
        projectKey={projectKey}
        aria-label="Filter by epic"
        noneLabel="All epics"
        value={filter.epic ?? ''}
        onPick={(id) => onChange('epic', id)}
      />
      <MemberPicker
        projectKey={projectKey}
        aria-label="Filter by assignee"
        noneLabel="Anyone"
        value={filter.assignee ?? ''}
        onPick={(id) => onChange('assignee', id)}
      />
      <select
        aria-label="Filter by type"
        value={filter.type ?? ''}
        onChange={(e) => onChange('type', e.target.value)}
      >
        <option value="">All types</option>
        <TypeOptions />
      </select>
    </div>
  );
}
