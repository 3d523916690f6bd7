import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { RETRO_KINDS, retroItemResponse, type RetroKind } from '@ordo/domain';
import { request } from '../../shared/api/client';
import { sprintPath } from '../../shared/api/paths';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { useCan } from '../projects/access';
import { retroQuery } from '../planning/queries';

const KIND_TITLES: Record<RetroKind, string> = {
  went_well: 'Went well',
  to_improve: 'To improve',
  action: 'Actions',
};

function AddItem({ kind, onAdd }: { kind: RetroKind; onAdd: (kind: RetroKind, body: string) => void }) {
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    onAdd(kind, body.trim());
    setBody('');
  };
  return (
    <form onSubmit={submit}>
      <input
        aria-label={`Add to ${KIND_TITLES[kind]}`}
        placeholder="Add an item and press Enter"
        maxLength={2000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        style={{ width: '100%' }}
      />
    </form>
  );
}

/** The retrospective of a sprint: what went well, what to improve, and the actions the team takes. */
export function RetroBoard({ projectKey, sprintId }: { projectKey: string; sprintId: string }) {
  const items = useQuery(retroQuery(projectKey, sprintId)).data?.items ?? [];
  const writing = useCan('retro.write');
  const add = useProjectCommand(projectKey, ({ kind, body }: { kind: RetroKind; body: string }) =>
    request(`${sprintPath(projectKey, sprintId)}/retro`, retroItemResponse, {
      method: 'POST',
      body: { kind, body },
    }),
  );
  return (
    <div className="retro">
      {RETRO_KINDS.map((kind) => (
        <section key={kind} className="card stack retro-column" aria-label={KIND_TITLES[kind]}>
          <h3>{KIND_TITLES[kind]}</h3>
          <ul>
            {items
              .filter((i) => i.kind === kind)
              .map((i) => (
                <li key={i.id}>
                  {i.body} <span className="muted">— {i.author.name}</span>
                </li>
              ))}
            {!items.some((i) => i.kind === kind) && <li className="muted retro-empty">Nothing yet</li>}
          </ul>
          {writing.allowed && <AddItem kind={kind} onAdd={(k, body) => add.mutate({ kind: k, body })} />}
        </section>
      ))}
    </div>
  );
}
