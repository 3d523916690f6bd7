import type { RoadmapEntry } from '@ordo/domain';
import { formatDay } from '../../shared/ui/format';
import type { Permission } from '../projects/access';
import { useSortableEpic } from './sortable-epics';
import { barOf, type TimelineRange } from './timeline';
import { TimelineTrack } from './timeline-track';

interface Props {
  entry: RoadmapEntry;
  /** Opens the epic's editor; absent for members who may not edit epics. */
  onEdit?: () => void;
  range: TimelineRange | null;
  /** Today's ISO day, drawn as a line across the timeline. */
  today: string;
  /** Titles of the epics this one is misaligned with. */
  misalignedWith: string[];
  ranking: Permission;
}

const FORECAST_WORDS: Record<RoadmapEntry['forecast']['state'], string> = {
  forecast: '',
  finished: 'Finished',
  no_stories: 'No stories yet',
  no_velocity: 'No velocity yet to forecast from',
  beyond_horizon: 'Beyond the forecast horizon',
};

/** The forecast in words: its P50 and P85 days, or why it has none. */
export function ForecastText({ forecast }: { forecast: RoadmapEntry['forecast'] }) {
  if (forecast.state !== 'forecast' || !forecast.p50 || !forecast.p85)
    return <span className="muted">{FORECAST_WORDS[forecast.state]}</span>;
  return (
    <span title={`Confidence: ${forecast.confidence}`}>
      P50 {formatDay(forecast.p50)} · P85 {formatDay(forecast.p85)}
    </span>
  );
}

/**
 * The planned bar and the forecast range on the shared timeline, each saying its dates on hover. Without
 * `planned` only the forecast is drawn (a team's part of an epic).
 */
export function EpicBars({
  planned,
  forecast,
  range,
  color,
}: Pick<RoadmapEntry, 'forecast'> & {
  planned?: RoadmapEntry['planned'];
  range: TimelineRange;
  color: string;
}) {
  const plannedBar = planned ? barOf(planned.start, planned.target, range) : null;
  const forecastBar = barOf(forecast.p50, forecast.p85, range);
  const day = (date: string | null) => (date ? formatDay(date) : '–');
  return (
    <>
      {plannedBar && (
        <span
          className="bar-planned"
          title={`Planned ${day(planned?.start ?? null)} to ${day(planned?.target ?? null)}`}
          style={{ left: `${plannedBar.left}%`, width: `${plannedBar.width}%`, background: color }}
        />
      )}
      {forecastBar && (
        <span
          className="bar-forecast"
          title={`Forecast: P50 ${day(forecast.p50)}, P85 ${day(forecast.p85)}`}
          style={{ left: `${forecastBar.left}%`, width: `${forecastBar.width}%` }}
        />
      )}
    </>
  );
}

/** One epic on the roadmap: the PM's plan (bar) beside where the backlog order lands it (forecast range). */
export function EpicRow({ entry, range, today, misalignedWith, ranking, onEdit }: Props) {
  const { epic, progress } = entry;
  const sortable = useSortableEpic(epic.id, epic.title, ranking);
  const percent =
    progress.totalPoints > 0 ? Math.round((progress.donePoints / progress.totalPoints) * 100) : 0;
  return (
    <li ref={sortable.ref} style={sortable.style} className="epic-row epic-grid card" data-epic={epic.title}>
      {sortable.handle}
      <div className="epic-info stack">
        <div className="row">
          <span className="chip-dot" style={{ background: epic.color }} />
          <strong>{epic.title}</strong>
          <span className="chip">{epic.status.replace('_', ' ')}</span>
          {entry.atRisk && (
            <span className="chip chip-warn" title="The P85 forecast passes the target date">
              At risk
            </span>
          )}
          {entry.feedbackCount > 0 && <span className="chip">{entry.feedbackCount} feedback</span>}
          {onEdit && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={onEdit}
              aria-label={`Edit ${epic.title}`}
            >
              Edit
            </button>
          )}
        </div>
        {epic.outcome && <p className="muted epic-outcome">{epic.outcome}</p>}
        <div className="row muted" style={{ fontSize: 12 }}>
          <span>
            {progress.donePoints}/{progress.totalPoints} points · {progress.doneStories}/
            {progress.totalStories} stories
          </span>
          <span className="spacer" />
          <ForecastText forecast={entry.forecast} />
        </div>
        <div className="progress" aria-label={`${percent}% done`}>
          <span style={{ width: `${percent}%`, background: epic.color }} />
        </div>
        {misalignedWith.length > 0 && (
          <p className="error-text">
            The backlog finishes {misalignedWith.join(', ')} before this epic, though the roadmap puts them
            after it.
          </p>
        )}
      </div>
      {range ? (
        <TimelineTrack range={range} today={today}>
          <EpicBars planned={entry.planned} forecast={entry.forecast} range={range} color={epic.color} />
        </TimelineTrack>
      ) : (
        <div className="epic-timeline" aria-hidden="true" />
      )}
    </li>
  );
}
