import { VELOCITY_EXPLANATION } from '@ordo/domain';
import { capacityBar } from './planning-state';

/** Planned points against velocity; red once the plan asks for more than the team has delivered. */
export function CapacityMeter({ planned, capacity }: { planned: number; capacity: number | null }) {
  const bar = capacityBar(planned, capacity);
  return (
    <div className="stack" style={{ gap: 4 }}>
      <div
        className={`progress ${bar.isOver ? 'progress-over' : ''}`}
        role="meter"
        aria-label="Sprint capacity"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={bar.percent}
        aria-valuetext={bar.label}
      >
        <span style={{ width: `${bar.percent}%` }} />
      </div>
      <span
        className={bar.isOver ? 'error-text' : 'muted'}
        data-testid="capacity"
        title={VELOCITY_EXPLANATION}
      >
        {bar.label}
      </span>
    </div>
  );
}
