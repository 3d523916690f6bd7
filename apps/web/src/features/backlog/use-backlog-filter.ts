import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { STORY_TYPES, type BacklogFilter } from '@ordo/domain';

const FIELDS = ['q', 'label', 'epic', 'assignee', 'type'] as const;
type FilterField = (typeof FIELDS)[number];

const isStoryType = (v: string): v is NonNullable<BacklogFilter['type']> => (STORY_TYPES as readonly string[]).includes(v);

/** The backlog filter lives in the URL, so a filtered view is a link a teammate can open. */
export function useBacklogFilter(): [BacklogFilter, (field: FilterField, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<BacklogFilter>(() => {
    const type = params.get('type') ?? '';
    const value = (field: FilterField) => params.get(field) || undefined;
    return { q: value('q'), label: value('label'), epic: value('epic'), assignee: value('assignee'), type: isStoryType(type) ? type : undefined };
  }, [params]);
  const setField = useCallback(
    (field: FilterField, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(field, value);
          else next.delete(field);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filter, setField];
}
