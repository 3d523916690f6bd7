import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/** A modal with a labelled heading; Escape and the backdrop close it, focus moves into it on open. */
export function Dialog({
  title,
  wide,
  onClose,
  children,
}: {
  title: string;
  wide?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog card stack ${wide ? 'dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

interface FormDialogProps {
  title: string;
  submitLabel: string;
  danger?: boolean;
  canSubmit?: boolean;
  wide?: boolean;
  /** Whether submitting closes the dialog at once (the default) or leaves that to the caller, e.g. on success. */
  closeOnSubmit?: boolean;
  /** Called on submit; by default the dialog closes right after, the mutation reports its outcome in a toast. */
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog holding a form with Cancel and one submit button. */
export function FormDialog({
  title,
  submitLabel,
  danger,
  canSubmit = true,
  wide,
  closeOnSubmit = true,
  onSubmit,
  onClose,
  children,
}: FormDialogProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
    if (closeOnSubmit) onClose();
  };
  return (
    <Dialog title={title} wide={wide} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        {children}
        <div className="row">
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
            disabled={!canSubmit}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
