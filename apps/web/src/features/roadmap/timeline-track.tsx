import type { ReactNode } from 'react';
import { monthTicks, positionOf, type TimelineRange } from './timeline';

const monthName = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });

/** Month names above the epics' timelines, lined up with their gridlines. */
export function TimelineAxis({ range }: { range: TimelineRange }) {
  return (
    <div className="timeline-axis" aria-hidden="true">
      {monthTicks(range).map((t) => (
        <span key={t.date} style={{ left: `${t.left}%` }}>
          {monthName(t.date)}
        </span>
      ))}
    </div>
  );
}

/** One epic's track: month gridlines and today's line behind its bars. */
export function TimelineTrack({
  range,
  today,
  children,
}: {
  range: TimelineRange;
  today: string;
  children: ReactNode;
}) {
  return (
    <div className="epic-timeline" aria-hidden="true">
      {monthTicks(range).map((t) => (
        <span key={t.date} className="timeline-grid" style={{ left: `${t.left}%` }} />
      ))}
      <span className="timeline-today" style={{ left: `${positionOf(today, range)}%` }} />
      {children}
    </div>
  );
}
