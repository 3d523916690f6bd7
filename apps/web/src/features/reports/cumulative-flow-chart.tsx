import type { cumulativeFlowResponse } from '@ordo/domain';
import type { Parsed } from '../../shared/api/client';
import { formatDay, formatShortDay } from '../../shared/ui/format';
import { cumulativeFlowPlot, dayLabelIndexes } from './charts';

type Flow = Parsed<typeof cumulativeFlowResponse>;

const VIEW = { width: 600, height: 240 };
const MARGIN = { left: 36, right: 16, top: 12, bottom: 28 };
const PLOT = {
  width: VIEW.width - MARGIN.left - MARGIN.right,
  height: VIEW.height - MARGIN.top - MARGIN.bottom,
};

/**
 * Stories per status at the end of each day, stacked (done at the bottom): a widening middle band is work
 * piling up in progress; a flat done band is nothing finishing.
 */
export function CumulativeFlowChart({ flow }: { flow: Flow }) {
  const { days } = flow;
  if (days.length === 0) return <p className="muted">No day to show.</p>;
  const plot = cumulativeFlowPlot(flow, PLOT);
  const yOf = (v: number) => PLOT.height - (v / plot.top) * PLOT.height;
  const xOf = (i: number) => (days.length > 1 ? (i * PLOT.width) / (days.length - 1) : 0);
  const summary = [...plot.bands]
    .reverse()
    .map((b) => `${b.latest} ${b.name}`)
    .join(', ');
  // Shades of one colour per category: the statuses of a category read as one kind of work.
  const shade = (band: (typeof plot.bands)[number]) => {
    const same = plot.bands.filter((b) => b.category === band.category);
    return 1 - same.indexOf(band) * (0.5 / Math.max(same.length, 1));
  };
  return (
    <figure
      className="burndown cumulative-flow"
      aria-label={`Cumulative flow on ${days.at(-1)?.date}: ${summary}`}
    >
      <svg viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-hidden="true">
        <g transform={`translate(${MARGIN.left} ${MARGIN.top})`}>
          {plot.bands.map((b) => (
            <polygon
              key={b.statusId}
              points={b.area}
              className={`band band-${b.category}`}
              style={{ opacity: shade(b) }}
              data-status={b.name}
            />
          ))}
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
        </g>
      </svg>
      <figcaption className="muted">
        {[...plot.bands].reverse().map((b) => (
          <span key={b.statusId} className="flow-legend" data-status={b.name}>
            <span className={`legend band-${b.category}`} style={{ opacity: shade(b) }} /> {b.name}{' '}
            <strong>{b.latest}</strong>
          </span>
        ))}{' '}
        · {formatDay(days[0]?.date ?? '')} to {formatDay(days.at(-1)?.date ?? '')}
      </figcaption>
    </figure>
  );
}
