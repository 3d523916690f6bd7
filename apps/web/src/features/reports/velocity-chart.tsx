import type { Velocity } from '@ordo/domain';
import { EmptyState } from '../../shared/ui/feedback';
import { velocityBars } from './charts';

/** Committed vs completed points of the last closed sprints: how much the team really gets done. */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const bars = velocityBars(velocity);
  if (bars.length === 0)
    return (
      <EmptyState title="No closed sprint yet">Velocity appears once the first sprint completes.</EmptyState>
    );
  return (
    <figure className="velocity-chart" aria-label="Velocity">
      <div className="bars card">
        {bars.map((b) => (
          <div
            key={b.name}
            className="bar-group"
            title={`${b.name}: ${b.completed} of ${b.committed} points completed`}
          >
            <div className="bar-pair">
              <span className="bar committed" style={{ height: `${b.committedPct}%` }}>
                <span className="bar-value">{b.committed}</span>
              </span>
              <span className="bar completed" style={{ height: `${b.completedPct}%` }}>
                <span className="bar-value">{b.completed}</span>
              </span>
            </div>
            <span className="bar-label">{b.name}</span>
          </div>
        ))}
      </div>
      <figcaption className="muted">
        <span className="legend committed" /> committed <span className="legend completed" /> completed ·
        average {velocity.average ?? '–'} points per sprint
      </figcaption>
    </figure>
  );
}
