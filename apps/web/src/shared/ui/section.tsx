import { useId, type ReactNode } from 'react';
import { Skeleton } from './feedback';

/** A titled part of a page that shows a skeleton while its data loads. */
export function Section({
  title,
  loading,
  children,
}: {
  title: string;
  loading?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="stack" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {loading ? <Skeleton rows={2} label={`Loading ${title.toLowerCase()}`} /> : children}
    </section>
  );
}
