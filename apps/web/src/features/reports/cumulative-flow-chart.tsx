import type { cumulativeFlowResponse } from '@ordo/domain';
import type { Parsed } from '../../shared/api/client';
import { formatDay } from '../../shared/ui/format';
import { cumulativeFlowPlot } from './charts';
import { DayChart, PLOT } from './day-chart';

type Flow = Parsed<typeof cumulativeFlowResponse>;

/**
 * Stories per status at the end of each day, stacked (done at the bottom): a widening middle band is work
 * piling up in progress; a flat done band is nothing finishing.
 */
export function CumulativeFlowChart({ flow }: { flow: Flow }) {
  const { days } = flow;
  if (days.length === 0) return <p className="muted">No day to show.</p>;
  const plot = cumulativeFlowPlot(flow, PLOT);
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
      <DayChart
        days={days}
        top={plot.top}
        ticks={plot.ticks}
        behind={plot.bands.map((b) => (
          <polygon
            key={b.statusId}
            points={b.area}
            className={`band band-${b.category}`}
            style={{ opacity: shade(b) }}
            data-status={b.name}
          />
        ))}
      />
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
