import { useId, useState } from 'react';
import { MentionTextarea } from '../../features/mentions/mention-textarea';
import { Markdown } from './markdown';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/**
 * A Markdown text area (with the @mention picker) and a Write / Preview switch: what Preview shows is what
 * others will see.
 */
export function MarkdownEditor({ label, value, onChange, placeholder, disabled, autoFocus }: Props) {
  const [previewing, setPreviewing] = useState(false);
  const id = useId();
  return (
    <div className="markdown-editor stack">
      <div className="row" role="group" aria-label={`${label}: write or preview`}>
        <button
          type="button"
          className={`btn btn-ghost${previewing ? '' : ' is-active'}`}
          aria-pressed={!previewing}
          onClick={() => setPreviewing(false)}
        >
          Write
        </button>
        <button
          type="button"
          className={`btn btn-ghost${previewing ? ' is-active' : ''}`}
          aria-pressed={previewing}
          onClick={() => setPreviewing(true)}
        >
          Preview
        </button>
        <span className="muted small">
          Markdown: **bold**, _italic_, [link](https://…), - lists, SHOP-42, @handle
        </span>
      </div>
      {previewing ? (
        <div className="markdown-preview" id={id} aria-label={`${label} preview`}>
          {value.trim() ? <Markdown text={value} /> : <p className="muted">Nothing to preview.</p>}
        </div>
      ) : (
        <MentionTextarea
          id={id}
          aria-label={label}
          placeholder={placeholder}
          value={value}
          disabled={disabled}
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
