import type { Burndown } from '@ordo/domain';
import { burndownLines } from './charts';

const BOX = { width: 560, height: 200 };

/** Points remaining each day against the ideal line from the commitment to zero. */
export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const lines = burndownLines(burndown, BOX);
  const last = burndown.days.filter((d) => d.remaining !== null).at(-1);
  return (
    <figure className="burndown" aria-label={`Burndown: ${last?.remaining ?? burndown.committedPoints} of ${burndown.committedPoints} points remaining`}>
      <svg viewBox={`-4 -4 ${BOX.width + 8} ${BOX.height + 8}`} role="img" aria-hidden="true">
        <polyline points={lines.ideal} className="ideal" />
        <polyline points={lines.remaining} className="remaining" />
      </svg>
      <figcaption className="muted">
        Remaining points (solid) against the ideal line (dashed), {burndown.days[0]?.date} to {burndown.days.at(-1)?.date}
      </figcaption>
    </figure>
  );
}
