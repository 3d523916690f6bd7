import type { Burndown } from '@ordo/domain';
import { formatDay } from '../../shared/ui/format';
import { burndownPlot } from './charts';
import { DayChart, PLOT } from './day-chart';

/** Points remaining each day against the ideal line from the commitment to zero, on labelled axes. */
export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const { days, committedPoints } = burndown;
  if (days.length === 0) return <p className="muted">The burndown starts with the sprint's first day.</p>;
  const plot = burndownPlot(burndown, PLOT);
  const last = plot.marks.at(-1);
  const summary = `${last?.value ?? committedPoints} of ${committedPoints} points remaining`;
  return (
    <figure className="burndown" aria-label={`Burndown: ${summary}`}>
      <DayChart days={days} top={plot.top} ticks={plot.ticks}>
        <polyline points={plot.ideal} className="ideal" />
        <polyline points={plot.remaining} className="remaining" />
        {plot.marks.map((m) => (
          <circle key={m.x} cx={m.x} cy={m.y} r={4} className="mark" />
        ))}
        {last && (
          <text className="mark-label" x={last.x + 8} y={last.y - 8}>
            {last.value} left
          </text>
        )}
      </DayChart>
      <figcaption className="muted">
        <span className="legend-line remaining" /> remaining <span className="legend-line ideal" /> ideal ·{' '}
        {summary} · {formatDay(days[0]?.date ?? '')} to {formatDay(days.at(-1)?.date ?? '')}
      </figcaption>
    </figure>
  );
}
