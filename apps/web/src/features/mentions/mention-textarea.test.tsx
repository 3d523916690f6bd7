import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { projectKeys } from '../projects/queries';
import { MentionTextarea } from './mention-textarea';

afterEach(cleanup);

const member = (id: string, name: string, handle: string) => ({
  user: { id, email: `${handle}@x.test`, name, handle },
  roles: ['developer' as const],
  joinedAt: '2030-01-01T00:00:00.000Z',
});

function Editor() {
  const [value, setValue] = useState('');
  return <MentionTextarea aria-label="Comment" value={value} onChange={(e) => setValue(e.target.value)} />;
}

/** The editor inside a project page, with the project's members already loaded. */
function renderEditor() {
  const client = new QueryClient();
  client.setQueryData(projectKeys.members('SHOP'), {
    items: [
      member('1', 'Ann Lee', 'ann'),
      member('2', 'Bob Stone', 'bob.s'),
      member('3', 'Anders Berg', 'anders'),
    ],
  });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/projects/SHOP']}>
        <Routes>
          <Route path="/projects/:key" element={<Editor />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return screen.getByLabelText<HTMLTextAreaElement>('Comment');
}

const type = (area: HTMLTextAreaElement, value: string) => {
  area.focus();
  fireEvent.change(area, { target: { value, selectionStart: value.length, selectionEnd: value.length } });
};
const options = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('MentionTextarea', () => {
  it('lists the members whose handle or name starts with what follows the @', () => {
    const area = renderEditor();
    type(area, 'hi @an');
    expect(options()).toEqual(['Ann Lee @ann', 'Anders Berg @anders']);
    type(area, 'hi @st');
    expect(options()).toEqual(['Bob Stone @bob.s']);
    type(area, 'hi there');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('writes the picked handle in, by keyboard or by click', () => {
    const area = renderEditor();
    type(area, 'hi @an');
    fireEvent.keyDown(area, { key: 'ArrowDown' });
    fireEvent.keyDown(area, { key: 'Enter' });
    expect(area.value).toBe('hi @anders ');
    type(area, 'hi @anders and @b');
    fireEvent.mouseDown(screen.getByRole('option', { name: /Bob Stone/ }));
    expect(area.value).toBe('hi @anders and @bob.s ');
  });

  it('closes on Escape and leaves the text as typed', () => {
    const area = renderEditor();
    type(area, 'hi @a');
    fireEvent.keyDown(area, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(area.value).toBe('hi @a');
  });
});
