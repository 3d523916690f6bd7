import { Link, useParams } from 'react-router';
import { useProjectKey } from '../projects/use-project-key';
import { StoryView } from './story-view';

/** A story's own page (`/projects/:key/stories/:story`), a link anyone in the project can share. */
export function StoryPage() {
  const projectKey = useProjectKey();
  const storyKey = useParams().story ?? '';
  return (
    <main className="page">
      <nav className="muted" aria-label="Breadcrumb">
        <Link to={`/projects/${projectKey}/backlog`}>Backlog</Link> / {storyKey}
      </nav>
      <StoryView projectKey={projectKey} storyKey={storyKey} />
    </main>
  );
}
