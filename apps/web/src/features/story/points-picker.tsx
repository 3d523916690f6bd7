import { STORY_POINTS } from '@ordo/domain';
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
    <div className="points-picker" role="radiogroup" aria-label="Story points" title={estimating.reason || undefined}>
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
