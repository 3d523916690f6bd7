import { useEffect, type RefObject } from 'react';
import { focusTargetOf, nextRow } from './shortcuts';

const CONTROLS = 'a[href], button, input, select, textarea, [tabindex]';
const ROWS = '[data-story]';

const controlsOf = (row: Element) => [...row.querySelectorAll<HTMLElement>(CONTROLS)];
/** Text fields keep the arrow keys for the caret; a select keeps ↑/↓ for its value. */
const keepsArrows = (el: HTMLElement, vertical: boolean) =>
  ['INPUT', 'TEXTAREA'].includes(el.tagName) || el.isContentEditable || (vertical && el.tagName === 'SELECT');

/**
 * One Tab stop for a whole list of story rows (a roving tabindex): Tab enters the list at the control last
 * used (the first row's story link at first) and the next Tab leaves it; ↑/↓ (Home/End) go from row to
 * row, ←/→ through the controls of a row. Rows that appear later (a virtual list scrolling, a live update)
 * are swept into the scheme as they mount. Modified arrows (Alt+↑ reorders) and a keyboard drag in progress
 * (dnd-kit marks its handle `aria-pressed`) are left alone, and so are `j`/`k`, which move the same focus.
 */
export function useRovingList(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    let current: HTMLElement | null = null;
    const sweep = () => {
      const controls = [...list.querySelectorAll(ROWS)].flatMap(controlsOf);
      if (!current || !current.isConnected || !list.contains(current)) {
        const first = list.querySelector(ROWS);
        current = first ? focusTargetOf(first) : null;
      }
      for (const control of controls) {
        const index = control === current ? '0' : '-1';
        if (control.getAttribute('tabindex') !== index) control.setAttribute('tabindex', index);
      }
    };
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      if (!target.closest(ROWS) || target === current) return;
      current = target;
      sweep();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const row = target.closest(ROWS);
      if (!row || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (target.closest('[aria-pressed="true"]')) return;
      const rows = [...list.querySelectorAll(ROWS)];
      let next: Element | null | undefined;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (keepsArrows(target, true)) return;
        next = nextRow(rows, target, e.key === 'ArrowDown' ? 1 : -1);
        next = next && focusTargetOf(next);
      } else if (e.key === 'Home' || e.key === 'End') {
        if (keepsArrows(target, false)) return;
        next = rows[e.key === 'Home' ? 0 : rows.length - 1];
        next = next && focusTargetOf(next);
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        if (keepsArrows(target, false)) return;
        const controls = controlsOf(row);
        next = controls[controls.indexOf(target) + (e.key === 'ArrowRight' ? 1 : -1)];
      } else return;
      e.preventDefault();
      (next as HTMLElement | null | undefined)?.focus();
    };
    // Reordering rows can move the focused one in the DOM, which drops the focus to the page: a keyboard
    // user would be thrown out of the list by their own move. Give it back to the control that had it.
    const observer = new MutationObserver((records) => {
      const moved =
        current !== null &&
        document.activeElement === document.body &&
        records.some((r) => [...r.removedNodes].some((node) => node.contains(current)));
      sweep();
      if (moved && current?.isConnected) current.focus();
    });
    observer.observe(list, { childList: true, subtree: true });
    sweep();
    list.addEventListener('focusin', onFocusIn);
    list.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('keydown', onKeyDown);
    };
  }, [ref]);
}
