import { useProjectKey } from '../projects/use-project-key';
import { useEpicsById } from '../projects/lookups';
import { FeedbackInbox } from './feedback-inbox';
import { projectFeedbackScope } from './queries';

/** The product's inbox as a team sees it, written through the team's routes. */
export function FeedbackPage() {
  const projectKey = useProjectKey();
  const epics = useEpicsById(projectKey);
  return <FeedbackInbox scope={projectFeedbackScope(projectKey)} epics={[...epics.values()]} />;
}
