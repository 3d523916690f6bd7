import { STORY_POINTS, type Story } from '@ordo/domain';
import type { Permission } from '../projects/access';

interface Props {
  points: number | null;
  estimating: Permission;
  onPick: (points: number | null) => void;
}

/** The estimation scale as one row of buttons; "?" clears the estimate. */
export function PointsPicker({ points, estimating, onPick }: Props) {
  const options: (number | null)[] = [...STORY_POINTS, null];
  return (
    <div
      className="points-picker"
      role="radiogroup"
      aria-label="Story points"
      title={estimating.reason || undefined}
    >
      {options.map((value) => (
        <button
          key={value ?? 'none'}
          type="button"
          role="radio"
          aria-checked={points === value}
          aria-label={value === null ? 'Not estimated' : `${value} points`}
          aria-disabled={!estimating.allowed}
          className={`btn btn-small ${points === value ? 'btn-primary' : ''}`}
          onClick={() => estimating.allowed && points !== value && onPick(value)}
        >
          {value ?? '?'}
        </button>
      ))}
    </div>
  );
}

/** The estimate as a compact select, for estimating in a list without opening each story. */
export function PointsSelect<S extends Pick<Story, 'key' | 'points'>>({
  story,
  onEstimate,
}: {
  story: S;
  onEstimate: (story: S, points: number | null) => void;
}) {
  return (
    <select
      className="points-select"
      aria-label={`Story points of ${story.key}`}
      value={story.points ?? ''}
      onChange={(e) => onEstimate(story, e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">–</option>
      {STORY_POINTS.map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </select>
  );
}
