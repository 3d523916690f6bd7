import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { permission } from '../../features/projects/access';
import { ActionButton } from './action-button';

afterEach(cleanup);

describe('ActionButton', () => {
  it('stays reachable but inert for a role the policy refuses, and names the role that may', () => {
    const onClick = vi.fn();
    const { allowed, reason } = permission(['developer'], 'backlog.rank');
    render(
      <ActionButton allowed={allowed} reason={reason} onClick={onClick}>
        Move to top
      </ActionButton>,
    );
    const button = screen.getByRole('button', { name: 'Move to top' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('title')).toBe('Only the Product Owner can change backlog order');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('acts for a role the policy allows, admin included', () => {
    const onClick = vi.fn();
    const { allowed, reason } = permission(['admin'], 'backlog.rank');
    render(
      <ActionButton allowed={allowed} reason={reason} onClick={onClick}>
        Move to top
      </ActionButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Move to top' }));
    expect(onClick).toHaveBeenCalledOnce();
  });
});
