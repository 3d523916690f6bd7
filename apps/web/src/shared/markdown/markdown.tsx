import { useMemo, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { meQuery } from '../../features/projects/queries';
import { renderMarkdown } from './render';

/**
 * Text people wrote (descriptions, comments, criteria, review notes) shown as sanitised Markdown. Story keys
 * of the reader's projects and @mentions become links that stay in the app.
 */
export function Markdown({
  text,
  inline = false,
  className = '',
}: {
  text: string;
  inline?: boolean;
  className?: string;
}) {
  const me = useQuery(meQuery);
  const { key } = useParams();
  const navigate = useNavigate();
  const readable = useMemo(() => new Set(me.data?.projects.map((p) => p.key) ?? []), [me.data]);
  const html = useMemo(
    () => renderMarkdown(text, { readableProjects: readable, projectKey: key }, { inline }),
    [text, readable, key, inline],
  );
  const follow = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest('a[data-internal]');
    if (!link || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    void navigate(link.getAttribute('href')!);
  };
  const Tag = inline ? 'span' : 'div';
  // The HTML comes from renderMarkdown only: raw HTML escaped, then DOMPurify (see render.ts and its tests).
  return (
    <Tag className={`markdown ${className}`} onClick={follow} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
