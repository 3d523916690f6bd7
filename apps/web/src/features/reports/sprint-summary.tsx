import type { SprintReport } from '@ordo/domain';

const GROUPS = [
  ['committed', 'Committed'],
  ['completed', 'Completed'],
  ['accepted', 'Accepted by the PO'],
  ['carriedOver', 'Carried over'],
  ['addedMidSprint', 'Added mid-sprint'],
  ['removedMidSprint', 'Removed mid-sprint'],
] as const;

/** The sprint review's numbers, with the stories behind each. */
export function SprintSummary({ report }: { report: SprintReport }) {
  return (
    <div className="sprint-summary">
      {GROUPS.map(([field, label]) => {
        const group = report[field];
        return (
          <details key={field} className="card summary-card">
            <summary>
              <span className="summary-points">{group.points}</span> points · {label} ({group.stories.length})
            </summary>
            <ul>
              {group.stories.length === 0 && <li className="muted">No stories</li>}
              {group.stories.map((s) => (
                <li key={s.id}>
                  <span className="story-key muted">{s.key}</span> {s.title}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
