/**
 * The vocabulary of the project event log. Conventions every writer keeps, so that history, reports and
 * live clients can read any event without asking the database again:
 * - a story event carries `data.story`: the whole story as it is after the change (the API's story shape);
 * - a sprint event carries `data.sprint`, an epic event `data.epic`, a feedback event `data.feedback`;
 * - extra fields say what changed (`from`, `to`, `reason`, …).
 */
export const EVENT_TYPES = [
  'project.created',
  'project.updated',
  'project.vision_updated',
  'member.added',
  'member.updated',
  'member.removed',
  'workflow.updated',
  'story.created',
  'story.updated',
  'story.ranked',
  'story.transitioned',
  'story.deleted',
  'story.restored',
  'story.accepted',
  'story.rejected',
  'comment.added',
  'comment.edited',
  'comment.deleted',
  'subtask.added',
  'subtask.updated',
  'subtask.deleted',
  'link.added',
  'link.removed',
  'sprint.created',
  'sprint.updated',
  'sprint.story_added',
  'sprint.story_removed',
  'sprint.started',
  'sprint.completed',
  'retro.item_added',
  'epic.created',
  'epic.updated',
  'epic.deleted',
  'roadmap.ranked',
  'feedback.submitted',
  'feedback.updated',
  'import.completed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
