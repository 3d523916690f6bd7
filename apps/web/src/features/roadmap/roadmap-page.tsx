import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { VELOCITY_EXPLANATION } from '@ordo/domain';
import { describeError } from '../../shared/api/client';
import { EmptyState, ErrorState, PageSkeleton, RoleHint } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { projectQuery } from '../projects/queries';
import { useProjectKey } from '../projects/use-project-key';
import { EpicDialog } from './epic-dialog';
import { EpicRow } from './epic-row';
import { NewEpicForm } from './new-epic-form';
import { roadmapQuery } from './queries';
import { TimelineAxis } from './timeline-track';
import { timelineRange } from './timeline';
import { SortableEpics } from './sortable-epics';
import { projectPmScope, projectRankScope, useRankEpic } from './use-roadmap-actions';
import { VisionPanel } from './vision-panel';
import './roadmap.css';

/** The PM's roadmap: epics in the PM's order, each with its plan, progress and the forecast from the backlog. */
export function RoadmapPage() {
  const projectKey = useProjectKey();
  const roadmap = useQuery(roadmapQuery(projectKey));
  const project = useQuery(projectQuery(projectKey)).data?.project;
  const ranking = useCan('roadmap.rank');
  const managing = useCan('epic.manage');
  const rank = useRankEpic(projectRankScope(projectKey));
  const [editing, setEditing] = useState<string | null>(null);
  if (roadmap.isPending) return <PageSkeleton rows={6} label="Loading the roadmap" />;
  if (roadmap.isError)
    return <ErrorState message={describeError(roadmap.error)} onRetry={() => roadmap.refetch()} />;
  const { epics, velocity, basis } = roadmap.data;
  const ids = epics.map((e) => e.epic.id);
  const titles = new Map(epics.map((e) => [e.epic.id, e.epic.title]));
  const editingEpic = epics.find((e) => e.epic.id === editing)?.epic;
  const today = new Date().toISOString().slice(0, 10);
  const range = timelineRange(epics, today);
  const onMove = (epicId: string, to: number) => rank.mutate({ epicId, to, order: ids });
  return (
    <main className="page">
      <div className="page-header">
        <h1>Roadmap</h1>
        <span className="muted" title={VELOCITY_EXPLANATION}>
          {velocity === null
            ? 'No velocity yet'
            : `Velocity ${velocity} points per ${basis.sprintLengthDays}-day sprint (${basis.confidence} confidence)`}
        </span>
      </div>
      {project && <VisionPanel vision={project.vision} scope={projectPmScope(projectKey)} />}
      {!ranking.allowed && (
        <RoleHint reason={ranking.reason}>The forecast follows the Product Owner’s backlog order.</RoleHint>
      )}
      {epics.length === 0 ? (
        <EmptyState title="No epics yet">
          The Product Manager adds epics with their planned dates; the forecast comes from the backlog.
        </EmptyState>
      ) : (
        <SortableEpics ids={ids} onMove={onMove}>
          {range && (
            <div className="epic-grid roadmap-axis">
              <span className="muted">
                <span className="legend-planned" /> planned <span className="legend-forecast" /> forecast
                P50–P85 <span className="legend-today" /> today
              </span>
              <TimelineAxis range={range} />
            </div>
          )}
          <ol className="roadmap" aria-label="Epics in roadmap order">
            {epics.map((entry) => (
              <EpicRow
                key={entry.epic.id}
                entry={entry}
                range={range}
                today={today}
                ranking={ranking}
                misalignedWith={entry.misalignedWith.map((id) => titles.get(id) ?? 'another epic')}
                onEdit={managing.allowed ? () => setEditing(entry.epic.id) : undefined}
              />
            ))}
          </ol>
        </SortableEpics>
      )}
      {managing.allowed && <NewEpicForm scope={projectPmScope(projectKey)} count={epics.length} />}
      {editingEpic && (
        <EpicDialog projectKey={projectKey} epic={editingEpic} onClose={() => setEditing(null)} />
      )}
    </main>
  );
}
