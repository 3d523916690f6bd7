import type { PointerEvent, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

/** The query field that opens a story in the drawer over the current view: `/projects/SHOP/board?story=SHOP-42`. */
export const STORY_PARAM = 'story';

/** The current view's link with `storyKey` open in the drawer (its filters kept). */
export function withStoryOpen(search: URLSearchParams, storyKey: string): string {
  const next = new URLSearchParams(search);
  next.set(STORY_PARAM, storyKey);
  return `?${next.toString()}`;
}

/**
 * Where a story opens in the drawer: over the current view when that view is of the story's project (its
 * filters kept), else over its project's backlog.
 */
export function drawerPath(at: { pathname: string; search: string }, projectKey: string, storyKey: string) {
  const inProject = at.pathname.startsWith(`/projects/${projectKey}/`) && !at.pathname.includes('/stories/');
  const view = inProject ? at.pathname : `/projects/${encodeURIComponent(projectKey)}/backlog`;
  return `${view}${withStoryOpen(new URLSearchParams(inProject ? at.search : ''), storyKey)}`;
}

interface Props {
  storyKey: string;
  className?: string;
  title?: string;
  onPointerDown?: (e: PointerEvent) => void;
  children: ReactNode;
}

/** A story's title in a list: opens the story in the drawer over the list. */
export function StoryLink({ storyKey, children, ...rest }: Props) {
  const [params] = useSearchParams();
  return (
    <Link to={withStoryOpen(params, storyKey)} {...rest}>
      {children}
    </Link>
  );
}
