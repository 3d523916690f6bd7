import type { Burndown } from '@ordo/domain';
import { formatDay, formatShortDay } from '../../shared/ui/format';
import { burndownPlot, dayLabelIndexes } from './charts';

const VIEW = { width: 600, height: 240 };
const MARGIN = { left: 36, right: 16, top: 12, bottom: 28 };
const PLOT = {
  width: VIEW.width - MARGIN.left - MARGIN.right,
  height: VIEW.height - MARGIN.top - MARGIN.bottom,
};

/** Points remaining each day against the ideal line from the commitment to zero, on labelled axes. */
export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const { days, committedPoints } = burndown;
  if (days.length === 0) return <p className="muted">The burndown starts with the sprint's first day.</p>;
  const plot = burndownPlot(burndown, PLOT);
  const last = plot.marks.at(-1);
  const xOf = (i: number) => (days.length > 1 ? (i * PLOT.width) / (days.length - 1) : 0);
  const yOf = (v: number) => PLOT.height - (v / plot.top) * PLOT.height;
  const summary = `${last?.value ?? committedPoints} of ${committedPoints} points remaining`;
  return (
    <figure className="burndown" aria-label={`Burndown: ${summary}`}>
      <svg viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-hidden="true">
        <g transform={`translate(${MARGIN.left} ${MARGIN.top})`}>
          {plot.ticks.map((t) => (
            <g key={t} className="tick">
              <line x1={0} x2={PLOT.width} y1={yOf(t)} y2={yOf(t)} />
              <text x={-8} y={yOf(t)} dy="0.32em" textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {dayLabelIndexes(days.length).map((i) => (
            <text
              key={i}
              className="tick"
              x={xOf(i)}
              y={PLOT.height + 18}
              textAnchor={i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}
            >
              {formatShortDay(days[i]?.date ?? '')}
            </text>
          ))}
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
        </g>
      </svg>
      <figcaption className="muted">
        <span className="legend-line remaining" /> remaining <span className="legend-line ideal" /> ideal ·{' '}
        {summary} · {formatDay(days[0]?.date ?? '')} to {formatDay(days.at(-1)?.date ?? '')}
      </figcaption>
    </figure>
  );
}
