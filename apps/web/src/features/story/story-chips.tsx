import {
  criteriaCount,
  isOverdue,
  isReady,
  STORY_TYPES,
  todayUtc,
  type Epic,
  type Story,
  type StorySummary,
} from '@ordo/domain';
import { formatDay, formatShortDay } from '../../shared/ui/format';

const TYPE_MARK: Record<Story['type'], { mark: string; label: string }> = {
  story: { mark: 'S', label: 'Story' },
  bug: { mark: 'B', label: 'Bug' },
  task: { mark: 'T', label: 'Task' },
  spike: { mark: 'K', label: 'Spike' },
};

export function TypeIcon({ type }: { type: Story['type'] }) {
  const { mark, label } = TYPE_MARK[type];
  return (
    <span className={`type-icon type-${type}`} title={label} aria-label={label}>
      {mark}
    </span>
  );
}

/** The story types as select options, named as people say them ("Bug", not "bug"). */
export function TypeOptions() {
  return STORY_TYPES.map((t) => (
    <option key={t} value={t}>
      {TYPE_MARK[t].label}
    </option>
  ));
}

/** Refinement at a glance: ready means acceptance criteria and an estimate; otherwise say what is missing. */
export function ReadinessChip({
  story,
}: {
  story: Pick<Story | StorySummary, 'acceptanceCriteria' | 'points'>;
}) {
  if (isReady(story)) return <span className="chip chip-ready">Ready</span>;
  const missing = [
    criteriaCount(story.acceptanceCriteria) === 0 ? 'acceptance criteria' : null,
    story.points === null ? 'estimate' : null,
  ].filter(Boolean);
  return (
    <span className="chip chip-warn" title={`Not ready: needs ${missing.join(' and ')}`}>
      Needs {missing.length === 2 ? 'refining' : missing[0] === 'estimate' ? 'estimate' : 'AC'}
    </span>
  );
}

export function PointsBadge({ points }: { points: number | null }) {
  return (
    <span className="points" title={points === null ? 'Not estimated' : `${points} points`}>
      {points ?? '–'}
    </span>
  );
}

export function EpicChip({ epic }: { epic: Epic | undefined }) {
  if (!epic) return null;
  return (
    <span className="chip" title={`Epic: ${epic.title}`}>
      <span className="chip-dot" style={{ background: epic.color }} />
      <span className="chip-text">{epic.title}</span>
    </span>
  );
}

/** The PO's deadline: the day, flagged once it has passed and the story is not done. */
export function DueChip({ story, isDone = false }: { story: Pick<Story, 'dueDate'>; isDone?: boolean }) {
  if (!story.dueDate) return null;
  const overdue = isOverdue(story, todayUtc(), isDone);
  return (
    <span
      className={`chip chip-due ${overdue ? 'chip-overdue' : ''}`}
      title={`${overdue ? 'Overdue: was due' : 'Due'} ${formatDay(story.dueDate)}`}
    >
      {overdue ? 'Overdue ' : 'Due '}
      {formatShortDay(story.dueDate)}
    </span>
  );
}

/** Sub-task progress ("2/5") on rows and cards, once a story has sub-tasks. */
export function SubtaskChip({ subtasks }: { subtasks: Story['subtasks'] }) {
  if (subtasks.total === 0) return null;
  const label = `${subtasks.done} of ${subtasks.total} sub-tasks done`;
  return (
    <span
      className={`chip chip-subtasks ${subtasks.done === subtasks.total ? 'chip-ok' : ''}`}
      title={label}
      aria-label={label}
    >
      ☑ {subtasks.done}/{subtasks.total}
    </span>
  );
}

/** A warning while stories not done yet block this one: "Blocked by SHOP-7" (and how many more). */
export function BlockedChip({ blockedBy }: { blockedBy: readonly string[] | undefined }) {
  const [first, ...more] = blockedBy ?? [];
  if (!first) return null;
  const label = `Blocked by ${[first, ...more].join(', ')}, not done yet`;
  return (
    <span className="chip chip-warn chip-blocked" title={label} aria-label={label}>
      Blocked by {first}
      {more.length > 0 && ` +${more.length}`}
    </span>
  );
}

export function LabelChips({ labels }: { labels: readonly string[] }) {
  return labels.map((label) => (
    <span key={label} className="chip chip-label">
      {label}
    </span>
  ));
}
