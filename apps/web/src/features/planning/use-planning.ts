import {
  sprintDetailResponse,
  sprintResponse,
  type CompleteSprint,
  type CreateSprint,
  type StorySummary,
  type UpdateSprint,
} from '@ordo/domain';
import { request } from '../../shared/api/client';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { projectPath, sprintPath } from '../../shared/api/paths';
import { cacheChange, useOptimisticMutation } from '../../shared/api/optimistic';
import { backlogKeys } from '../backlog/queries';
import { planInBacklog, planInSprint, type PlanStory } from './planning-state';
import { sprintKeys, type SprintDetail } from './queries';

interface PlanMove {
  story: PlanStory;
  /** true: from the backlog into the sprint; false: back out. */
  joins: boolean;
}
type Backlog = { items: StorySummary[] };

/** Dragging a story into the sprint or back: both lists change at once, one request, rollback on refusal. */
export function usePlanStory(projectKey: string, sprintId: string) {
  const sprint = sprintPath(projectKey, sprintId);
  return useOptimisticMutation<PlanMove, SprintDetail>({
    mutationKey: ['plan', projectKey],
    mutationFn: ({ story, joins }) =>
      joins
        ? request(`${sprint}/stories`, sprintDetailResponse, {
            method: 'POST',
            body: { stories: [story.key] },
          })
        : request(`${sprint}/stories/${encodeURIComponent(story.key)}`, sprintDetailResponse, {
            method: 'DELETE',
          }),
    changes: [
      cacheChange<SprintDetail, PlanMove, SprintDetail>(
        sprintKeys.detail(projectKey, sprintId),
        (detail, { story, joins }) => planInSprint(detail, story, joins),
        (_detail, result) => result,
      ),
      cacheChange<Backlog, PlanMove, SprintDetail>(
        backlogKeys.filtered(projectKey, {}),
        (backlog, { story, joins }) => planInBacklog(backlog, story, !joins),
      ),
    ],
    invalidate: [backlogKeys.all(projectKey), sprintKeys.all(projectKey)],
  });
}

export type SprintCommand =
  | { command: 'create'; body: CreateSprint }
  | { command: 'start'; sprintId: string; body: UpdateSprint }
  | { command: 'complete'; sprintId: string; body: CompleteSprint };

async function runSprintCommand(projectKey: string, action: SprintCommand) {
  if (action.command === 'create') {
    return request(`${projectPath(projectKey)}/sprints`, sprintResponse, {
      method: 'POST',
      body: action.body,
    });
  }
  const path = sprintPath(projectKey, action.sprintId);
  if (action.command === 'complete')
    return request(`${path}/complete`, sprintResponse, { method: 'POST', body: action.body });
  // Goal and dates are saved first: starting needs them, and the API checks them when it starts.
  await request(path, sprintResponse, { method: 'PATCH', body: action.body });
  return request(`${path}/start`, sprintResponse, { method: 'POST' });
}

const DONE_WORDS = { create: 'created', start: 'started', complete: 'completed' } as const;

/** Create, start or complete a sprint. */
export function useSprintCommand(projectKey: string) {
  return useProjectCommand(
    projectKey,
    (action: SprintCommand) => runSprintCommand(projectKey, action),
    ({ sprint }, action) => `${sprint.name} ${DONE_WORDS[action.command]}`,
  );
}
