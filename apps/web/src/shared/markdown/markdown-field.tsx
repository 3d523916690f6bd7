import { useState } from 'react';
import { Markdown } from './markdown';
import { MarkdownEditor } from './markdown-editor';

interface Props {
  label: string;
  value: string;
  placeholder: string;
  disabled: boolean;
  reason?: string | undefined;
  onCommit: (value: string) => void;
}

/** Long text shown as Markdown, edited in place with a preview by whoever may. */
export function MarkdownField({ label, value, placeholder, disabled, reason, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <div className="stack">
        <MarkdownEditor label={label} value={draft} onChange={setDraft} placeholder={placeholder} autoFocus />
        <div className="row">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              onCommit(draft.trim());
              setDraft(null);
            }}
          >
            Save
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="markdown-field stack">
      {value ? <Markdown text={value} /> : <p className="muted">{placeholder}</p>}
      <div>
        <button
          type="button"
          className="btn btn-ghost small"
          aria-label={`Edit ${label.toLowerCase()}`}
          disabled={disabled}
          title={reason}
          onClick={() => setDraft(value)}
        >
          Edit
        </button>
      </div>
    </div>
  );
}
