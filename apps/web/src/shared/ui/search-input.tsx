import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 250;

/** A list's text filter: it waits for a pause in typing so every keystroke does not ask the server. */
export function SearchInput({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <input
      type="search"
      placeholder="Search stories"
      aria-label="Search stories"
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

/**
 * A label filter: one label is a whole word, so it applies when the person leaves the field or presses Enter,
 * not while they type. Keyed by its value so a change of the URL (Back, a link) shows in the field.
 */
export function LabelInput({ value, onLabel }: { value: string; onLabel: (label: string) => void }) {
  return (
    <input
      key={value}
      placeholder="Label"
      aria-label="Filter by label"
      defaultValue={value}
      onBlur={(e) => onLabel(e.target.value.trim())}
      onKeyDown={(e) => e.key === 'Enter' && onLabel(e.currentTarget.value.trim())}
    />
  );
}
