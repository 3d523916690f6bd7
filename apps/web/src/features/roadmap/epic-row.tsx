import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { RoadmapEntry } from '@ordo/domain';
import { formatDay } from '../../shared/ui/format';
import type { Permission } from '../projects/access';
import { barOf, type TimelineRange } from './timeline';

interface Props {
  entry: RoadmapEntry;
  /** Opens the epic's editor; absent for members who may not edit epics. */
  onEdit?: () => void;
  range: TimelineRange | null;
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

function Forecast({ entry }: { entry: RoadmapEntry }) {
  const { forecast } = entry;
  if (forecast.state !== 'forecast' || !forecast.p50 || !forecast.p85) return <span className="muted">{FORECAST_WORDS[forecast.state]}</span>;
  return (
    <span title={`Confidence: ${forecast.confidence}`}>
      P50 {formatDay(forecast.p50)} · P85 {formatDay(forecast.p85)}
    </span>
  );
}

/** One epic on the roadmap: the PM's plan (bar) beside where the backlog order lands it (forecast range). */
export function EpicRow({ entry, range, misalignedWith, ranking, onEdit }: Props) {
  const sortable = useSortable({ id: entry.epic.id, disabled: !ranking.allowed });
  const { epic, progress } = entry;
  const percent = progress.totalPoints > 0 ? Math.round((progress.donePoints / progress.totalPoints) * 100) : 0;
  const planned = range && barOf(entry.planned.start, entry.planned.target, range);
  const forecast = range && barOf(entry.forecast.p50, entry.forecast.p85, range);
  return (
    <li ref={sortable.setNodeRef} style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }} className="epic-row card" data-epic={epic.title}>
      <button type="button" className="drag-handle" aria-label={`Reorder ${epic.title}`} title={ranking.allowed ? 'Drag to change the roadmap order' : ranking.reason} {...sortable.attributes} {...sortable.listeners} aria-disabled={!ranking.allowed}>
        ⠿
      </button>
      <div className="epic-info stack">
        <div className="row">
          <span className="chip-dot" style={{ background: epic.color }} />
          <strong>{epic.title}</strong>
          <span className="chip">{epic.status.replace('_', ' ')}</span>
          {entry.atRisk && <span className="chip chip-warn" title="The P85 forecast passes the target date">At risk</span>}
          {entry.feedbackCount > 0 && <span className="chip">{entry.feedbackCount} feedback</span>}
          {onEdit && (
            <button type="button" className="btn btn-ghost btn-small" onClick={onEdit} aria-label={`Edit ${epic.title}`}>
              Edit
            </button>
          )}
        </div>
        {epic.outcome && <p className="muted epic-outcome">{epic.outcome}</p>}
        <div className="row muted" style={{ fontSize: 12 }}>
          <span>
            {progress.donePoints}/{progress.totalPoints} points · {progress.doneStories}/{progress.totalStories} stories
          </span>
          <span className="spacer" />
          <Forecast entry={entry} />
        </div>
        <div className="progress" aria-label={`${percent}% done`}>
          <span style={{ width: `${percent}%`, background: epic.color }} />
        </div>
        {misalignedWith.length > 0 && (
          <p className="error-text">The backlog finishes {misalignedWith.join(', ')} before this epic, though the roadmap puts them after it.</p>
        )}
      </div>
      <div className="epic-timeline" aria-hidden="true">
        {planned && <span className="bar-planned" style={{ left: `${planned.left}%`, width: `${planned.width}%`, background: epic.color }} />}
        {forecast && <span className="bar-forecast" style={{ left: `${forecast.left}%`, width: `${forecast.width}%` }} />}
      </div>
    </li>
  );
}
