import type { ButtonHTMLAttributes } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Whether the member's roles allow it; when not, the button stays focusable and says why in its tooltip. */
  allowed: boolean;
  reason: string;
  variant?: 'primary' | 'danger' | 'ghost';
}

/**
 * A button guarded by the policy table. It is aria-disabled rather than disabled so keyboard users can still
 * reach it and read which role may do this.
 */
export function ActionButton({ allowed, reason, variant, className = '', onClick, title, ...rest }: Props) {
  return (
    <button
      type="button"
      {...rest}
      className={`btn ${variant ? `btn-${variant}` : ''} ${className}`}
      aria-disabled={!allowed || rest.disabled}
      title={allowed ? title : reason}
      onClick={allowed ? onClick : undefined}
    />
  );
}
