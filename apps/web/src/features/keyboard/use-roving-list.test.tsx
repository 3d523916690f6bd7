import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRovingList } from './use-roving-list';

afterEach(cleanup);

function List({ initial }: { initial: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [keys, setKeys] = useState(initial);
  useRovingList(ref);
  return (
    <>
      <button type="button" onClick={() => setKeys((k) => [...k, `S-${k.length + 1}`])}>
        Add
      </button>
      <div ref={ref} role="list">
        {keys.map((key) => (
          <div key={key} data-story={key} role="listitem">
            <button type="button">Drag {key}</button>
            <a href={`?story=${key}`}>{key}</a>
            <select aria-label={`Points of ${key}`}>
              <option>1</option>
            </select>
          </div>
        ))}
      </div>
    </>
  );
}

const tabStops = () =>
  [...screen.getByRole('list').querySelectorAll('a, button, select')].filter(
    (el) => el.getAttribute('tabindex') !== '-1',
  );
const press = (key: string, init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(document.activeElement!, { key, ...init });

describe('one Tab stop per list, arrow keys inside', () => {
  it('leaves a single tab stop, the first story link, and keeps it single as rows are added', async () => {
    render(<List initial={['S-1', 'S-2']} />);
    expect(tabStops().map((el) => el.textContent)).toEqual(['S-1']);
    await act(async () => screen.getByRole('button', { name: 'Add' }).click());
    expect(screen.getByRole('link', { name: 'S-3' }).getAttribute('tabindex')).toBe('-1');
    expect(tabStops()).toHaveLength(1);
  });

  it('moves row to row with ↑/↓ and Home/End, and control to control with ←/→', () => {
    render(<List initial={['S-1', 'S-2', 'S-3']} />);
    screen.getByRole('link', { name: 'S-1' }).focus();
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('S-2');
    press('ArrowLeft');
    expect(document.activeElement?.textContent).toBe('Drag S-2');
    press('ArrowRight');
    press('ArrowRight');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Points of S-2' }));
    press('End');
    expect(document.activeElement?.textContent).toBe('S-3');
    press('Home');
    expect(document.activeElement?.textContent).toBe('S-1');
    press('ArrowUp');
    expect(document.activeElement?.textContent).toBe('S-1');
  });

  it('keeps the tab stop where the focus last was', () => {
    render(<List initial={['S-1', 'S-2']} />);
    screen.getByRole('link', { name: 'S-2' }).focus();
    expect(tabStops().map((el) => el.textContent)).toEqual(['S-2']);
  });

  it('leaves modified arrows, a select’s ↑/↓ and a drag in progress alone', () => {
    render(<List initial={['S-1', 'S-2']} />);
    const link = screen.getByRole('link', { name: 'S-1' });
    link.focus();
    press('ArrowDown', { altKey: true });
    expect(document.activeElement).toBe(link);
    const select = screen.getByRole('combobox', { name: 'Points of S-1' });
    select.focus();
    press('ArrowDown');
    expect(document.activeElement).toBe(select);
    const handle = screen.getByRole('button', { name: 'Drag S-1' });
    handle.setAttribute('aria-pressed', 'true');
    handle.focus();
    press('ArrowDown');
    expect(document.activeElement).toBe(handle);
  });
});
