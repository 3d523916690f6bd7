import { useMemo } from 'react';
import { STORY_TYPES, type BacklogFilter } from '@ordo/domain';
import { useSearchFields } from '../../shared/ui/use-search-fields';

const FIELDS = ['q', 'label', 'epic', 'assignee', 'type'] as const;
export type FilterField = (typeof FIELDS)[number];

const isStoryType = (v: string | undefined): v is NonNullable<BacklogFilter['type']> =>
  (STORY_TYPES as readonly (string | undefined)[]).includes(v);

/** The backlog filter lives in the URL, so a filtered view is a link a teammate can open. */
export function useBacklogFilter(): [BacklogFilter, (field: FilterField, value: string) => void] {
  const [values, setField] = useSearchFields(FIELDS);
  const filter = useMemo<BacklogFilter>(
    () => ({ ...values, type: isStoryType(values.type) ? values.type : undefined }),
    [values],
  );
  return [filter, setField];
}
