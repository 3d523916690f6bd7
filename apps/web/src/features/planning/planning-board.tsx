import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import type { Sprint } from '@ordo/domain';
import type { PlanStory } from './planning-state';
import { ActionButton } from '../../shared/ui/action-button';
import { Skeleton } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { backlogQuery } from '../backlog/queries';
import { CapacityMeter } from './capacity-meter';
import { PlanItemFace, type PlanSide } from './plan-item';
import { PlanList } from './plan-list';
import { sprintQuery } from './queries';
import { StartDialog } from './start-dialog';
import { usePlanStory, useSprintCommand } from './use-planning';

/** Planning shows the top of the backlog: what the PO ranked highest is what the team pulls. */
const BACKLOG_SHOWN = 100;

interface Props {
  projectKey: string;
  sprint: Sprint;
  /** The running sprint, which must complete before this one can start. */
  active: Sprint | undefined;
}

/** The top of the backlog beside the planned sprint; drag (or click the arrows) to plan. */
export function PlanningBoard({ projectKey, sprint, active }: Props) {
  const planning = useCan('sprint.manage');
  const backlog = useQuery(backlogQuery(projectKey, {}));
  const detail = useQuery(sprintQuery(projectKey, sprint.id));
  const plan = usePlanStory(projectKey, sprint.id);
  const command = useSprintCommand(projectKey);
  const [starting, setStarting] = useState(false);
  const [dragged, setDragged] = useState<PlanStory | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const move = (story: PlanStory, joins: boolean) => plan.mutate({ story, joins });
  const onDragEnd = ({ active: item, over }: DragEndEvent) => {
    setDragged(null);
    const { story, side } = (item.data.current ?? {}) as { story?: PlanStory; side?: PlanSide };
    if (story && over && over.id !== side) move(story, over.id === 'sprint');
  };
  const starts = active
    ? { allowed: false, reason: `Complete ${active.name} first: one sprint runs at a time` }
    : planning;
  return (
    <DndContext
      sensors={sensors}
      onDragStart={({ active: item }) =>
        setDragged((item.data.current?.story as PlanStory | undefined) ?? null)
      }
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <div className="planning">
        <section className="stack" aria-label="Backlog">
          <h2>Backlog</h2>
          {backlog.isPending ? (
            <Skeleton rows={6} />
          ) : (
            <PlanList
              side="backlog"
              label="Backlog stories"
              stories={(backlog.data?.items ?? []).slice(0, BACKLOG_SHOWN)}
              planning={planning}
              onMove={move}
              empty="The backlog is empty."
            />
          )}
        </section>
        <section className="stack" aria-label={sprint.name}>
          <div className="row">
            <h2>{sprint.name}</h2>
            <span className="spacer" />
            <ActionButton
              variant="primary"
              allowed={starts.allowed}
              reason={starts.reason}
              onClick={() => setStarting(true)}
            >
              Start sprint
            </ActionButton>
          </div>
          {active && (
            <p className="muted planning-note">Plan it now; it starts once {active.name} is complete.</p>
          )}
          {detail.data && (
            <CapacityMeter planned={detail.data.plannedPoints} capacity={detail.data.capacity} />
          )}
          {detail.isPending ? (
            <Skeleton rows={4} />
          ) : (
            <PlanList
              side="sprint"
              label={`Stories in ${sprint.name}`}
              stories={detail.data?.stories ?? []}
              planning={planning}
              onMove={move}
              empty="Drag stories here from the backlog."
            />
          )}
        </section>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <div className="plan-item overlay">
            <PlanItemFace story={dragged} />
          </div>
        )}
      </DragOverlay>
      {starting && (
        <StartDialog
          sprint={sprint}
          onClose={() => setStarting(false)}
          onStart={(body) => command.mutate({ command: 'start', sprintId: sprint.id, body })}
        />
      )}
    </DndContext>
  );
}
