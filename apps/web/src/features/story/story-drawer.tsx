import { lazy, Suspense, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Skeleton } from '../../shared/ui/feedback';
import { STORY_PARAM } from './story-link';
import './drawer.css';

// The story's code loads when a story is first opened, not with the first page.
const StoryView = lazy(() => import('./story-view').then((m) => ({ default: m.StoryView })));

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the drawer's own controls: the view behind it is out of reach until it closes. */
function keepFocusInside(panel: HTMLElement, e: KeyboardEvent) {
  const focusable = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A story opened from a list (backlog, planning, board, search) in a side panel over that list, so the list and
 * its scroll position stay. It has its own URL (`?story=KEY`); Escape or the backdrop closes it and the focus
 * returns to where it was. The full page stays for deep links.
 */
export function StoryDrawer({ projectKey }: { projectKey: string }) {
  const [params, setParams] = useSearchParams();
  const storyKey = params.get(STORY_PARAM);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const close = useCallback(
    () =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.delete(STORY_PARAM);
        return next;
      }),
    [setParams],
  );
  useEffect(() => {
    if (!storyKey) return;
    opener.current = document.activeElement;
    panel.current?.querySelector<HTMLElement>('.drawer-close')?.focus();
    return () => {
      const back = opener.current;
      const row = document.querySelector<HTMLElement>(
        `[data-story="${CSS.escape(storyKey)}"] a, [data-story="${CSS.escape(storyKey)}"]`,
      );
      (back instanceof HTMLElement && back.isConnected ? back : row)?.focus();
    };
  }, [storyKey]);
  if (!storyKey) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    // A dialog opened from inside the story (reject, …) handles its own Escape.
    const nested = (e.target as HTMLElement).closest('[role="dialog"]') !== panel.current;
    if (e.key === 'Escape' && !nested && !e.defaultPrevented) {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab' && panel.current) keepFocusInside(panel.current, e);
  };
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={panel}
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-label={`Story ${storyKey}`}
        onKeyDown={onKeyDown}
      >
        <div className="drawer-header row">
          <strong>{storyKey}</strong>
          <span className="spacer" />
          <Link className="btn btn-small" to={`/projects/${projectKey}/stories/${storyKey}`}>
            Open full page
          </Link>
          <button
            type="button"
            className="btn btn-ghost btn-small drawer-close"
            aria-label="Close the story"
            onClick={close}
          >
            ✕
          </button>
        </div>
        <Suspense fallback={<Skeleton rows={8} label="Loading the story" />}>
          <StoryView key={storyKey} projectKey={projectKey} storyKey={storyKey} />
        </Suspense>
      </div>
    </div>
  );
}
