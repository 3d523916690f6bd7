import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ProjectRolesProvider } from '../projects/access';
import { ImportDialog } from './import-dialog';

afterEach(cleanup);

const renderDialog = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ProjectRolesProvider roles={['product_owner']}>
        <ImportDialog projectKey="SHOP" onClose={vi.fn()} />
      </ProjectRolesProvider>
    </QueryClientProvider>,
  );

describe('ImportDialog', () => {
  it('previews pasted titles and says which lines it skips, rendering them as text', () => {
    renderDialog();
    const submit = screen.getByRole('button', { name: 'Import' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Story titles, one per line'), {
      target: { value: `Search by name\n<b>Pay</b> with a card\n\n${'x'.repeat(256)}\nTrack my parcel` },
    });
    expect(screen.getByText('3 stories to import, at the bottom of the backlog in this order')).toBeTruthy();
    expect(screen.getByText('<b>Pay</b> with a card')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByText('1 row is not a valid story and will be skipped')).toBeTruthy();
    expect(screen.getByTestId('import-skipped').textContent).toContain(
      'line 4: Title is longer than 255 characters',
    );
    expect(screen.getByRole('button', { name: 'Import 3 stories' })).toHaveProperty('disabled', false);
  });
});
