import type { ReactNode } from 'react';
import type { ProductRoadmapEntry, RoadmapDependency, TeamPart } from '@ordo/domain';
import type { Permission } from '../projects/access';
import { EpicBars, ForecastText } from '../roadmap/epic-row';
import { useSortableEpic } from '../roadmap/sortable-epics';
import type { TimelineRange } from '../roadmap/timeline';
import { TimelineTrack } from '../roadmap/timeline-track';
import { blockedName, blockerName, dependencyText } from './dependency-text';

interface Props {
  entry: ProductRoadmapEntry;
  range: TimelineRange | null;
  today: string;
  /** Titles of the product's epics by id, to name misaligned epics and blockers' epics. */
  titles: ReadonlyMap<string, string>;
}

/** The PM moves a lane one place up or down (null at that end of the roadmap). */
export interface LaneMoves {
  up: (() => void) | null;
  down: (() => void) | null;
}

/** ↑ and ↓ beside the epic's title, for whoever orders the roadmap. */
function MoveButtons({ title, moves }: { title: string; moves: LaneMoves }) {
  return (
    <>
      {(['up', 'down'] as const).map((way) => (
        <button
          key={way}
          type="button"
          className="btn btn-ghost btn-small"
          aria-label={`Move ${title} ${way}`}
          disabled={moves[way] === null}
          onClick={() => moves[way]?.()}
        >
          {way === 'up' ? '↑' : '↓'}
        </button>
      ))}
    </>
  );
}

const percentOf = (p: TeamPart['progress']) =>
  p.totalPoints > 0 ? Math.round((p.donePoints / p.totalPoints) * 100) : 0;

/** The timeline of a lane or a team row, or an empty track when nothing on the roadmap has a date. */
function Track({
  range,
  today,
  children,
}: {
  range: TimelineRange | null;
  today: string;
  children: (range: TimelineRange) => ReactNode;
}) {
  if (!range) return <div className="epic-timeline" aria-hidden="true" />;
  return (
    <TimelineTrack range={range} today={today}>
      {children(range)}
    </TimelineTrack>
  );
}

/** One team's part of the epic: its progress and its forecast band, from that team's order and velocity. */
function TeamRow({ part, entry, range, today, titles }: Props & { part: TeamPart }) {
  const misaligned = part.misalignedWith.map((id) => titles.get(id) ?? 'another epic');
  return (
    <li className="team-part epic-grid" data-team={part.key}>
      <span />
      <div className="row team-part-info">
        <strong>{part.key}</strong>
        <span className="muted">
          {part.progress.donePoints}/{part.progress.totalPoints} points ({percentOf(part.progress)}%)
        </span>
        <span className="spacer" />
        <span className="team-forecast">
          <ForecastText forecast={part.forecast} />
        </span>
        {part.atRisk && (
          <span className="chip chip-warn" title={`${part.key}'s P85 forecast passes the epic's target date`}>
            At risk
          </span>
        )}
        {misaligned.length > 0 && (
          <span
            className="chip chip-warn"
            title={`${part.key}'s backlog finishes ${misaligned.join(', ')} before this epic, though the roadmap puts them after it`}
          >
            Misaligned
          </span>
        )}
      </div>
      <Track range={range} today={today}>
        {(r) => <EpicBars forecast={part.forecast} range={r} color={entry.epic.color} />}
      </Track>
    </li>
  );
}

/** A dependency marker: a conflict is flagged, and every marker explains itself on hover and to screen readers. */
function DependencyMarker({ d, titles }: { d: RoadmapDependency; titles: ReadonlyMap<string, string> }) {
  const text = dependencyText(d);
  const epic = d.epicId && d.story ? titles.get(d.epicId) : undefined;
  return (
    <li
      className={d.conflict ? 'dependency dependency-conflict' : 'dependency'}
      title={text}
      aria-label={text}
      data-conflict={d.conflict}
    >
      {d.conflict ? '⚠ ' : '⇠ '}
      {blockedName(d)} waits for {blockerName(d)}
      {epic ? ` (${epic})` : ''}
    </li>
  );
}

/**
 * One epic across the product: the whole epic's plan and forecast, then one sub-bar per team, then its
 * dependencies. Whoever orders the roadmap drags the lane by its handle (or moves it with ↑/↓).
 */
export function EpicLane({
  entry,
  range,
  today,
  titles,
  ranking,
  moves,
}: Props & { ranking: Permission; moves?: LaneMoves }) {
  const { epic, progress } = entry;
  const sortable = useSortableEpic(epic.id, epic.title, ranking);
  const misaligned = entry.misalignedWith.map((id) => titles.get(id) ?? 'another epic');
  const conflicts = entry.blockedBy.length;
  return (
    <li ref={sortable.ref} style={sortable.style} className="product-lane card" data-epic={epic.title}>
      <div className="epic-grid">
        {sortable.handle}
        <div className="stack epic-info">
          <div className="row">
            <span className="chip-dot" style={{ background: epic.color }} />
            <strong>{epic.title}</strong>
            <span className="chip">{epic.status.replace('_', ' ')}</span>
            {entry.atRisk && (
              <span className="chip chip-warn" title="The whole epic's P85 forecast passes its target date">
                At risk
              </span>
            )}
            {conflicts > 0 && (
              <span
                className="chip chip-danger conflict-marker"
                title={entry.blockedBy.map(dependencyText).join('\n')}
              >
                {conflicts === 1 ? '1 dependency conflict' : `${conflicts} dependency conflicts`}
              </span>
            )}
            {moves && (
              <>
                <span className="spacer" />
                <MoveButtons title={epic.title} moves={moves} />
              </>
            )}
          </div>
          <div className="row muted" style={{ fontSize: 12 }}>
            <span>
              {progress.donePoints}/{progress.totalPoints} points · {entry.teams.length}{' '}
              {entry.teams.length === 1 ? 'team' : 'teams'}
            </span>
            <span className="spacer" />
            <span className="epic-forecast">
              <ForecastText forecast={entry.forecast} />
            </span>
          </div>
          {misaligned.length > 0 && (
            <p className="error-text">
              A team's backlog finishes {misaligned.join(', ')} before this epic, though the roadmap puts them
              after it.
            </p>
          )}
        </div>
        <Track range={range} today={today}>
          {(r) => <EpicBars planned={entry.planned} forecast={entry.forecast} range={r} color={epic.color} />}
        </Track>
      </div>
      {entry.teams.length > 0 && (
        <ul className="team-parts" aria-label={`${epic.title} by team`}>
          {entry.teams.map((part) => (
            <TeamRow key={part.key} part={part} entry={entry} range={range} today={today} titles={titles} />
          ))}
        </ul>
      )}
      {entry.dependencies.length > 0 && (
        <ul className="dependencies" aria-label={`${epic.title} dependencies`}>
          {entry.dependencies.map((d) => (
            <DependencyMarker
              key={`${d.story ?? d.projectKey}>${d.blocks ?? d.blocksProjectKey}`}
              d={d}
              titles={titles}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
