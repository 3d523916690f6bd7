import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ROLE_LABELS } from '@ordo/domain';
import { EmptyState, Skeleton } from '../../shared/ui/feedback';
import { meQuery } from './queries';
import { CreateProjectForm } from './create-project-form';

export function ProjectListPage() {
  const me = useQuery(meQuery);
  const projects = me.data?.projects ?? [];
  return (
    <main className="page" style={{ maxWidth: 820, margin: '0 auto', width: '100%' }}>
      <h1>Projects</h1>
      {me.isPending ? (
        <Skeleton rows={3} />
      ) : projects.length === 0 ? (
        <EmptyState title="No projects yet">
          Create one below, or ask a Product Owner to add you to theirs.
        </EmptyState>
      ) : (
        <ul className="project-list">
          {projects.map((p) => (
            <li key={p.key} className="card">
              <Link to={`/projects/${p.key}/backlog`}>
                <strong>{p.name}</strong> <span className="chip">{p.key}</span>
              </Link>
              <span className="muted">{p.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      <CreateProjectForm />
    </main>
  );
}
