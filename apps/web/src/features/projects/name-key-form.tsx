import { useState, type FormEvent } from 'react';
import { describeError } from '../../shared/api/client';
import { suggestKey } from './suggest-key';

interface Props {
  /** The form's heading and accessible name ("New team"). */
  title: string;
  nameLabel?: string;
  submitLabel: string;
  pending: boolean;
  /** The last refusal, shown under the form with the API's words; null when none. */
  error: unknown;
  /** Resolves once created: the form then empties for the next one. */
  onSubmit: (input: { name: string; key: string }) => Promise<unknown>;
}

/**
 * A name and a key (2–10 capitals, suggested from the name until typed): a new project, team or product.
 */
export function NameKeyForm({ title, nameLabel = 'Name', submitLabel, pending, error, onSubmit }: Props) {
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const effectiveKey = key ?? suggestKey(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ name, key: effectiveKey }).then(
      () => {
        setName('');
        setKey(null);
      },
      () => undefined,
    );
  };
  return (
    <form className="card stack" style={{ padding: 16 }} onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <div className="row" style={{ alignItems: 'end' }}>
        <label style={{ flex: 1 }}>
          {nameLabel}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label style={{ width: 120 }}>
          Key
          <input
            required
            pattern="[A-Z][A-Z0-9]{1,9}"
            title="2–10 capital letters or digits, starting with a letter"
            value={effectiveKey}
            onChange={(e) => setKey(e.target.value.toUpperCase())}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
      {error !== null && (
        <p className="error-text" role="alert">
          {describeError(error)}
        </p>
      )}
    </form>
  );
}
