import { Markdown } from '../../shared/markdown/markdown';
import { useState, type FormEvent } from 'react';
import type { Story } from '@ordo/domain';
import type { Permission } from '../projects/access';

type Criteria = Story['acceptanceCriteria'];

interface Props {
  criteria: Criteria;
  editing: Permission;
  onChange: (next: Criteria) => void;
}

/** The definition of done for this story: tick, add, remove. The whole list is saved with each change. */
export function AcceptanceChecklist({ criteria, editing, onChange }: Props) {
  const [text, setText] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onChange([...criteria, { text: text.trim(), done: false }]);
    setText('');
  };
  const done = criteria.filter((c) => c.done).length;
  return (
    <section className="stack" aria-labelledby="ac-heading">
      <h3 id="ac-heading">
        Acceptance criteria{' '}
        <span className="muted">{criteria.length > 0 && `${done}/${criteria.length}`}</span>
      </h3>
      {criteria.length === 0 && (
        <p className="muted">No criteria yet: a story is ready once it has some and an estimate.</p>
      )}
      <ul className="checklist">
        {criteria.map((c, i) => (
          <li key={`${i}-${c.text}`} className="row">
            <input
              type="checkbox"
              aria-label={c.text}
              checked={c.done}
              disabled={!editing.allowed}
              onChange={() => onChange(criteria.map((x, j) => (j === i ? { ...x, done: !x.done } : x)))}
            />
            <Markdown inline className={`spacer ${c.done ? 'muted' : ''}`} text={c.text} />
            {editing.allowed && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Remove “${c.text}”`}
                onClick={() => onChange(criteria.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {editing.allowed && (
        <form className="row" onSubmit={add}>
          <input
            className="spacer"
            aria-label="New acceptance criterion"
            placeholder="Given … when … then …"
            maxLength={500}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="btn">
            Add
          </button>
        </form>
      )}
    </section>
  );
}
