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
