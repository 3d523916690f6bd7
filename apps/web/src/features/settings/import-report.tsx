import type { ImportReport as Report } from '@ordo/domain';
import { storyCount } from '../../shared/ui/format';

const SHOWN = 20;

/** A list that shows its first SHOWN items and says how many more there are. */
function Capped<T>({ label, items, render }: { label: string; items: T[]; render: (item: T) => string }) {
  return (
    <ul aria-label={label} className="import-list">
      {items.slice(0, SHOWN).map((item, i) => (
        <li key={i}>{render(item)}</li>
      ))}
      {items.length > SHOWN && <li className="muted">and {items.length - SHOWN} more</li>}
    </ul>
  );
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What an import does (the dry run) or did: counts, people, the status mapping, points, skipped lines. */
export function ImportReport({ report }: { report: Report }) {
  const { users, statuses, points, skipped, warnings } = report;
  return (
    <div className="stack import-report" data-testid="import-report">
      <p>
        <strong>{storyCount(report.stories)}</strong> ({report.created} new, {report.updated} updated),{' '}
        {plural(report.epics, 'epic')}, {plural(report.sprints, 'sprint')},{' '}
        {plural(report.comments, 'comment')}, {plural(report.subtasks, 'sub-task')},{' '}
        {plural(report.links, 'link')}
      </p>
      <section aria-label="People">
        <h4>People</h4>
        <p>
          {users.matched} {users.matched === 1 ? 'person' : 'people'} matched to members
          {users.unmatched.length > 0 && '; not matched, kept as names:'}
        </p>
        {users.unmatched.length > 0 && (
          <Capped label="Users unmatched" items={users.unmatched} render={(name) => name} />
        )}
      </section>
      {statuses.length > 0 && (
        <section aria-label="Statuses mapped">
          <h4>Statuses</h4>
          <Capped label="Statuses mapped" items={statuses} render={(s) => `${s.from} → ${s.to}`} />
        </section>
      )}
      <section aria-label="Story points">
        <h4>Story points</h4>
        <p>
          {points.kept} kept, {points.rounded.length} rounded to the scale, {points.dropped} dropped
        </p>
        {points.rounded.length > 0 && (
          <Capped
            label="Points rounded"
            items={points.rounded}
            render={(p) => `${p.key}: ${p.from} → ${p.to}`}
          />
        )}
      </section>
      {skipped.length > 0 && (
        <section aria-label="Skipped lines">
          <h4>Skipped</h4>
          <Capped
            label="Skipped lines"
            items={skipped}
            render={(s) => `Line ${s.line}${s.key ? ` (${s.key})` : ''}: ${s.reason}`}
          />
        </section>
      )}
      {warnings.length > 0 && <Capped label="Warnings" items={warnings} render={(w) => w} />}
    </div>
  );
}
