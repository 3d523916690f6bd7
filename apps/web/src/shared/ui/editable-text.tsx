import {
  useEffect,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react';

interface Props {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  disabled?: boolean;
  reason?: string;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  /** What edits a multiline value (a textarea unless told: the description's offers @mentions). */
  textarea?: ComponentType<
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
      value: string;
      onChange: (e: { target: { value: string } }) => void;
    }
  >;
}

/**
 * A field that saves when you leave it (or press Enter on one line), like Linear's. While you type, changes
 * that arrive live do not overwrite your words; they show once you leave the field.
 */
export function EditableText({
  label,
  value,
  onCommit,
  disabled,
  reason,
  multiline,
  placeholder,
  maxLength,
  className,
  textarea: Area,
}: Props) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const commit = () => {
    setEditing(false);
    if (draft.trim() !== value.trim()) onCommit(draft.trim());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setDraft(value);
      setEditing(false);
    } else if (e.key === 'Enter' && !multiline) (e.target as HTMLInputElement).blur();
  };
  const props = {
    'aria-label': label,
    value: draft,
    disabled,
    title: disabled ? reason : undefined,
    placeholder,
    maxLength,
    className,
    onFocus: () => setEditing(true),
    onBlur: commit,
    onKeyDown,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
  };
  if (multiline && Area) return <Area rows={5} {...props} />;
  return multiline ? <textarea rows={5} {...props} /> : <input {...props} />;
}
