import { useQuery } from '@tanstack/react-query';
import { Section } from '../../shared/ui/section';
import { formatMoment } from '../../shared/ui/format';
import { historyQuery } from './queries';
import { describeEvent, type Names } from './history-words';

/** The story's slice of the event log, newest first, in sentences. */
export function History({
  projectKey,
  storyKey,
  names,
}: {
  projectKey: string;
  storyKey: string;
  names: Names;
}) {
  const history = useQuery(historyQuery(projectKey, storyKey));
  return (
    <Section title="History" loading={history.isPending}>
      <ol className="history">
        {[...(history.data?.items ?? [])].reverse().map((event) => (
          <li key={event.seq}>
            <span>{describeEvent(event, names)}</span>{' '}
            <time className="muted" dateTime={event.at}>
              {formatMoment(event.at)}
            </time>
          </li>
        ))}
      </ol>
    </Section>
  );
}
