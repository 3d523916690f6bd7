import { useInfiniteQuery } from '@tanstack/react-query';
import { EVENT_KINDS, storyOfEvent, type EventKind } from '@ordo/domain';
import { describeError } from '../../shared/api/client';
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/feedback';
import { formatMoment } from '../../shared/ui/format';
import { useSearchFields } from '../../shared/ui/use-search-fields';
import { MemberPicker } from '../projects/pickers';
import { useProjectKey } from '../projects/use-project-key';
import { describeEvent } from '../story/history-words';
import { StoryLink } from '../story/story-link';
import { useNames } from '../story/use-names';
import { activityQuery } from './queries';
import './activity.css';

const FIELDS = ['actor', 'kind'] as const;
const KIND_WORDS: Record<EventKind, string> = {
  story: 'Stories',
  comment: 'Comments',
  sprint: 'Sprints',
  epic: 'Epics',
  roadmap: 'Roadmap order',
  feedback: 'Feedback',
  retro: 'Retrospectives',
  member: 'Members',
  workflow: 'Workflow',
  project: 'Project',
};

/** Who did what in the project, newest first, in words from the event log; by person and kind, paged back in time. */
export function ActivityPage() {
  const projectKey = useProjectKey();
  const [view, setView] = useSearchFields(FIELDS);
  const kind = EVENT_KINDS.find((k) => k === view.kind);
  const feed = useInfiniteQuery(activityQuery(projectKey, { actor: view.actor, kind }));
  const names = useNames(projectKey);
  const events = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <main className="page">
      <div className="page-header">
        <h1>Activity</h1>
        <span className="spacer" />
        <MemberPicker
          projectKey={projectKey}
          aria-label="Done by"
          noneLabel="Everyone"
          value={view.actor ?? ''}
          onPick={(id) => setView('actor', id)}
        />
        <select aria-label="Kind" value={kind ?? ''} onChange={(e) => setView('kind', e.target.value)}>
          <option value="">Everything</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_WORDS[k]}
            </option>
          ))}
        </select>
      </div>
      {feed.isPending ? (
        <Skeleton rows={8} label="Loading the activity" />
      ) : feed.isError ? (
        <ErrorState message={describeError(feed.error)} onRetry={() => feed.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title="Nothing here yet">Changes to the project show here as they happen.</EmptyState>
      ) : (
        <ol className="card activity" aria-label="Activity">
          {events.map((event) => {
            const story = storyOfEvent(event);
            return (
              <li key={event.seq} data-seq={event.seq}>
                {story && (
                  <StoryLink storyKey={story.key} className="activity-story">
                    {story.key} {story.title}
                  </StoryLink>
                )}
                <span>{describeEvent(event, names)}</span>{' '}
                <time className="muted" dateTime={event.at}>
                  {formatMoment(event.at)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {feed.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={feed.isFetchingNextPage}
          onClick={() => feed.fetchNextPage()}
        >
          Older activity
        </button>
      )}
    </main>
  );
}
