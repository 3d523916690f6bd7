import type { FormEvent, ReactNode } from 'react';

interface Props {
  title: ReactNode;
  onSubmit: () => void;
  /** The refusal to show above the button (already in the person's words), if any. */
  error?: ReactNode;
  submitLabel: ReactNode;
  pending: boolean;
  /** Below the button: another way in (single sign-on). */
  alternative?: ReactNode;
  footer?: ReactNode;
  /** Once the form has done its work: what to say instead of the fields and the button. */
  done?: ReactNode;
  children: ReactNode;
}

/** The one card every page before the app uses (log in, sign up, passwords, invitations): one form, one button. */
export function AuthCard({
  title,
  onSubmit,
  error,
  submitLabel,
  pending,
  alternative,
  footer,
  done,
  children,
}: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <main className="auth-page">
      <form className="card stack auth-card" onSubmit={submit}>
        <div className="brand">Ordo</div>
        <h1>{title}</h1>
        {done || (
          <>
            {children}
            {error && (
              <p className="error-text" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {submitLabel}
            </button>
            {alternative}
          </>
        )}
        {footer && <p className="muted">{footer}</p>}
      </form>
    </main>
  );
}
