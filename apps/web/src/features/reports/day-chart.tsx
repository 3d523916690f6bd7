import type { ReactNode } from 'react';
import { formatShortDay } from '../../shared/ui/format';
import { dayLabelIndexes } from './charts';

const VIEW = { width: 600, height: 240 };
const MARGIN = { left: 36, right: 16, top: 12, bottom: 28 };
/** The drawing area inside the axes, which the plots in charts.ts are computed for. */
export const PLOT = {
  width: VIEW.width - MARGIN.left - MARGIN.right,
  height: VIEW.height - MARGIN.top - MARGIN.bottom,
};

/**
 * The frame the day-by-day charts share (burndown, cumulative flow): value ticks with grid lines on the left,
 * a few day labels below, and the chart's own marks drawn inside, behind or above the grid.
 */
export function DayChart(props: {
  days: { date: string }[];
  top: number;
  ticks: number[];
  behind?: ReactNode;
  children?: ReactNode;
}) {
  const { days, top, ticks } = props;
  const xOf = (i: number) => (days.length > 1 ? (i * PLOT.width) / (days.length - 1) : 0);
  const yOf = (v: number) => PLOT.height - (v / top) * PLOT.height;
  return (
    <svg viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-hidden="true">
      <g transform={`translate(${MARGIN.left} ${MARGIN.top})`}>
        {props.behind}
        {ticks.map((t) => (
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
        {props.children}
      </g>
    </svg>
  );
}
