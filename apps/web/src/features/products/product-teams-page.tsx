import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { projectResponse, teamsResponse, VELOCITY_EXPLANATION } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { productPath } from '../../shared/api/paths';
import { EmptyState, ErrorState, PageSkeleton, RoleHint } from '../../shared/ui/feedback';
import { velocityText } from '../portfolio/portfolio-summary';
import { useCan } from '../projects/access';
import { meQuery } from '../projects/queries';
import { NameKeyForm } from '../projects/name-key-form';
import { movableTeams } from './product-rules';
import { myProductsQuery, productQuery } from './queries';
import { useProductCommand } from './use-product-command';

/** Moves one of my projects from another product I run into this one, with its history and its own epics. */
function MoveTeam({ productKey }: { productKey: string }) {
  const projects = useQuery(meQuery).data?.projects ?? [];
  const products = useQuery(myProductsQuery).data?.items ?? [];
  const candidates = movableTeams(projects, products, productKey);
  const [picked, setPicked] = useState('');
  const project = candidates.some((p) => p.key === picked) ? picked : (candidates[0]?.key ?? '');
  const move = useProductCommand(
    productKey,
    (key: string) =>
      request(`${productPath(productKey)}/teams`, teamsResponse, { method: 'POST', body: { project: key } }),
    (_, key) => `${key} is a team of ${productKey} now`,
    { errorsInline: true },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (project) move.mutate(project);
  };
  return (
    <form className="card stack" style={{ padding: 16 }} onSubmit={submit} aria-label="Move a team here">
      <h2>Move a team here</h2>
      <p className="muted">
        A team keeps its backlog, sprints, board and history; the epics only its stories use, and their
        feedback, come along to the end of this roadmap. You must be admin of both products.
      </p>
      {candidates.length === 0 ? (
        <p className="muted">None of your teams sits in another product you are admin of.</p>
      ) : (
        <div className="row" style={{ alignItems: 'end' }}>
          <label style={{ flex: 1 }}>
            Team
            <select aria-label="Team to move" value={project} onChange={(e) => setPicked(e.target.value)}>
              {candidates.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name} ({p.key}), now in {p.product.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" disabled={move.isPending}>
            Move here
          </button>
        </div>
      )}
      {move.isError && (
        <p className="error-text" role="alert">
          {describeError(move.error)}
        </p>
      )}
    </form>
  );
}

/** A new team (project) in this product: its backlog, sprints and board start empty. */
function NewTeam({ productKey }: { productKey: string }) {
  const create = useProductCommand(
    productKey,
    (input: { name: string; key: string }) =>
      request('/projects', projectResponse, { method: 'POST', body: { ...input, product: productKey } }),
    ({ project }) => `Team ${project.name} (${project.key}) created`,
    { errorsInline: true },
  );
  return (
    <NameKeyForm
      title="New team"
      nameLabel="Team name"
      submitLabel="Create team"
      pending={create.isPending}
      error={create.error}
      onSubmit={create.mutateAsync}
    />
  );
}

/** The product's teams with their velocity; its admins move teams in and create new ones. */
export function ProductTeamsPage() {
  const productKey = useParams().product ?? '';
  const detail = useQuery(productQuery(productKey));
  const managing = useCan('product.manage');
  if (detail.isPending) return <PageSkeleton rows={4} label="Loading the product's teams" />;
  if (detail.isError)
    return <ErrorState message={describeError(detail.error)} onRetry={() => detail.refetch()} />;
  const { teams } = detail.data;
  return (
    <main className="page" style={{ maxWidth: 820 }}>
      <h1>Teams</h1>
      {!managing.allowed && <RoleHint reason={managing.reason} />}
      {teams.length === 0 ? (
        <EmptyState title="No team yet">Create the first team below, or move one of yours here.</EmptyState>
      ) : (
        <ul className="project-list" aria-label="Teams of the product">
          {teams.map((team) => (
            <li key={team.key} className="card" data-team={team.key}>
              <Link to={`/projects/${team.key}/backlog`}>
                <strong>{team.name}</strong> <span className="chip">{team.key}</span>
              </Link>
              <span className="muted team-velocity" title={VELOCITY_EXPLANATION}>
                {velocityText(team.velocity)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {managing.allowed && (
        <>
          <MoveTeam productKey={productKey} />
          <NewTeam productKey={productKey} />
        </>
      )}
    </main>
  );
}
