import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { sprintMarkers, sumPoints, type SprintMarker, type StorySummary } from '@ordo/domain';
import { EmptyState, ErrorState, RoleHint, Skeleton } from '../../shared/ui/feedback';
import { describeError } from '../../shared/api/client';
import { ActionButton } from '../../shared/ui/action-button';
import { useCan } from '../projects/access';
import { useProjectKey } from '../projects/use-project-key';
import { roadmapQuery } from '../roadmap/queries';
import { BacklogFilters } from './backlog-filters';
import { BacklogList } from './backlog-list';
import { ImportDialog } from './import-dialog';
import { QuickAdd } from './quick-add';
import { isUnfiltered } from './queries';
import { useBacklogActions } from './use-backlog-actions';
import { useBacklogFilter } from './use-backlog-filter';
import { useBacklogRows } from './use-backlog-rows';
import './backlog.css';

/**
 * Where each coming sprint ends in the backlog at the team's velocity (the roadmap forecast's walk), so the PO
 * sees which sprint each story lands in. Only on the whole backlog: a filtered list has gaps.
 */
function useSprintEnds(
  projectKey: string,
  stories: readonly StorySummary[] | null,
): ReadonlyMap<number, SprintMarker> {
  const roadmap = useQuery({ ...roadmapQuery(projectKey), enabled: stories !== null });
  return useMemo(
    () => (stories && roadmap.data ? sprintMarkers(stories, roadmap.data) : new Map()),
    [stories, roadmap.data],
  );
}

/** The product backlog in the PO's order: filter it, reorder it (PO), estimate in it (team), add to it or import into it. */
export function BacklogPage() {
  const projectKey = useProjectKey();
  const [filter, setFilter] = useBacklogFilter();
  const { backlog, stories, isComplete, isShown } = useBacklogRows(projectKey, filter);
  const { mayRank, ranking, reorder, move, onEstimate } = useBacklogActions(
    projectKey,
    filter,
    stories,
    isComplete,
  );
  const sprintEnds = useSprintEnds(projectKey, isComplete && isUnfiltered(filter) ? stories : null);
  const creating = useCan('story.create');
  const [importing, setImporting] = useState(false);
  const closeImport = useCallback(() => setImporting(false), []);
  return (
    <main className="page">
      <div className="page-header">
        <h1>Backlog</h1>
        <span className="muted" data-testid="backlog-summary">
          {isComplete
            ? `${stories.length} stories · ${sumPoints(stories)} points`
            : isShown && 'Loading the rest of the backlog…'}
        </span>
        <span className="spacer" />
        <BacklogFilters projectKey={projectKey} filter={filter} onChange={setFilter} />
        <ActionButton allowed={creating.allowed} reason={creating.reason} onClick={() => setImporting(true)}>
          Import stories
        </ActionButton>
      </div>
      {importing && <ImportDialog projectKey={projectKey} onClose={closeImport} />}
      {!mayRank.allowed && (
        <RoleHint reason={mayRank.reason}>You see the order the Product Owner set.</RoleHint>
      )}
      {backlog.isError ? (
        <ErrorState message={describeError(backlog.error)} onRetry={() => backlog.refetch()} />
      ) : !isShown ? (
        <Skeleton rows={8} label="Loading the backlog" />
      ) : stories.length === 0 ? (
        <EmptyState title={isUnfiltered(filter) ? 'The backlog is empty' : 'No story matches these filters'}>
          {isUnfiltered(filter) ? 'Add the first story below.' : 'Clear a filter to see more.'}
        </EmptyState>
      ) : (
        <BacklogList
          projectKey={projectKey}
          stories={stories}
          isComplete={isComplete}
          ranking={ranking}
          onReorder={reorder}
          onMove={move}
          onEstimate={onEstimate}
          sprintEnds={sprintEnds}
        />
      )}
      <QuickAdd projectKey={projectKey} />
    </main>
  );
}
