import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react';
import { useQuery } from '@tanstack/react-query';
import { insertMention, mentionAt } from '@ordo/domain';
import { membersQuery } from '../projects/queries';
import { useProjectKey } from '../projects/use-project-key';
import './mentions.css';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
};

const SHOWN = 6;

/**
 * A textarea that offers the project's members when you type `@`: pick one (click, or arrows and Enter or
 * Tab) and their handle is written in. Only members are listed, because only members can be mentioned.
 */
export function MentionTextarea({ value, onChange, onKeyDown, onBlur, ...rest }: Props) {
  const members = useQuery(membersQuery(useProjectKey())).data?.items ?? [];
  const area = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const caretAfterPick = useRef<number | null>(null);
  const listId = useId();

  const typing = cursor === null ? undefined : mentionAt(value, cursor);
  const q = typing?.query ?? '';
  const matches = typing
    ? members
        .filter(
          (m) =>
            m.user.handle.startsWith(q) ||
            m.user.name
              .toLowerCase()
              .split(/\s+/)
              .some((w) => w.startsWith(q)),
        )
        .slice(0, SHOWN)
    : [];
  const open = typing !== undefined && matches.length > 0 && dismissed !== typing.start;

  useLayoutEffect(() => {
    if (caretAfterPick.current === null || !area.current) return;
    area.current.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    setCursor(caretAfterPick.current);
    caretAfterPick.current = null;
  }, [value]);

  const pick = (handle: string) => {
    if (!typing || cursor === null) return;
    const next = insertMention(value, typing.start, cursor, handle);
    caretAfterPick.current = next.cursor;
    onChange({ target: { value: next.text } });
    setActive(0);
  };
  const track = () => setCursor(area.current?.selectionStart ?? null);
  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(matches[Math.min(active, matches.length - 1)]!.user.handle);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(typing.start);
        return;
      }
    }
    onKeyDown?.(e);
  };
  return (
    <div className="mention-editor">
      <textarea
        {...rest}
        ref={area}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onChange={(e) => {
          onChange(e);
          setCursor(e.target.selectionStart);
          setActive(0);
        }}
        onKeyDown={keyDown}
        onKeyUp={track}
        onClick={track}
        onBlur={(e) => {
          setCursor(null);
          onBlur?.(e);
        }}
      />
      {open && (
        <ul className="mention-picker card" role="listbox" id={listId} aria-label="Mention a member">
          {matches.map((m, i) => (
            <li
              key={m.user.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Picking must not blur the textarea first (that would save and close the editor).
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m.user.handle);
              }}
            >
              <strong>{m.user.name}</strong> <span className="muted">@{m.user.handle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
