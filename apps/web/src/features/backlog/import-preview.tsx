import { LabelChips, PointsBadge, TypeIcon } from '../story/story-chips';
import { storyCount } from '../../shared/ui/format';
import type { ImportPlan } from './import-parse';

const FIRST_STORIES = 5;
const SKIPPED_SHOWN = 20;

/** What the import will do, before it is sent: how many stories, the first of them, what is left out and why. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  if (plan.blocker)
    return (
      <p className="error-text" role="alert">
        {plan.blocker}
      </p>
    );
  const { stories, skipped, notes } = plan;
  return (
    <div className="stack import-preview" data-testid="import-preview">
      <strong>
        {stories.length === 0
          ? 'Nothing to import yet'
          : `${storyCount(stories.length)} to import, at the bottom of the backlog in this order`}
      </strong>
      {stories.length > 0 && (
        <ol className="import-stories" aria-label="First stories to import">
          {stories.slice(0, FIRST_STORIES).map((story, i) => (
            <li key={i} className="row">
              <TypeIcon type={story.type} />
              <span className="story-title">{story.title}</span>
              <LabelChips labels={story.labels ?? []} />
              {story.points !== undefined && <PointsBadge points={story.points} />}
            </li>
          ))}
          {stories.length > FIRST_STORIES && (
            <li className="muted">and {storyCount(stories.length - FIRST_STORIES)} more</li>
          )}
        </ol>
      )}
      {notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      {skipped.length > 0 && <SkippedRows skipped={skipped} />}
    </div>
  );
}

function SkippedRows({ skipped }: { skipped: ImportPlan['skipped'] }) {
  return (
    <div className="stack import-skipped" data-testid="import-skipped">
      <strong className="error-text">
        {skipped.length === 1
          ? '1 row is not a valid story and will be skipped'
          : `${skipped.length} rows are not valid stories and will be skipped`}
      </strong>
      <ul>
        {skipped.slice(0, SKIPPED_SHOWN).map((row) => (
          <li key={row.at}>
            {row.at}: {row.reason}
            {row.title && <span className="muted"> ({row.title.slice(0, 60)})</span>}
          </li>
        ))}
        {skipped.length > SKIPPED_SHOWN && (
          <li className="muted">and {skipped.length - SKIPPED_SHOWN} more</li>
        )}
      </ul>
    </div>
  );
}
