import type { ReactNode } from 'react';

/** Grey bars in the shape of the content that is loading. */
export function Skeleton({ rows = 5, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="stack" aria-busy="true" aria-label={label} style={{ padding: 12 }}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${90 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

/** A whole view loading: the page's frame with a title and rows, so nothing jumps when the data arrives. */
export function PageSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <main className="page" aria-busy="true" aria-label={label}>
      <div className="skeleton skeleton-title" />
      <div className="card">
        <Skeleton rows={rows} label={label} />
      </div>
    </main>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="empty" role="alert">
      <strong>Something went wrong</strong>
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What a shared link shows when what it names is not there (or not visible to this member). */
export function NotFoundState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="alert">
      <h1 className="not-found-title">{title}</h1>
      {children}
    </div>
  );
}

/** Says why a view is read-only for this member, naming the role that may change it. */
export function RoleHint({ reason, children }: { reason: string; children?: ReactNode }) {
  return (
    <p className="hint" role="note">
      <span className="chip">View only</span> {reason}. {children}
    </p>
  );
}
