import { lt } from 'drizzle-orm';
import { auditLog, type Db, type Tx } from '@ordo/db';

/** What the security audit log records; add a kind here when a module audits something new. */
export type AuditKind =
  | 'registered'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_limited'
  | 'signed_out_everywhere'
  | 'token_created'
  | 'token_revoked'
  | 'password_changed'
  | 'password_reset'
  | 'role_changed'
  | 'member_added'
  | 'member_removed'
  | 'export'
  | 'user_deactivated'
  | 'user_reactivated'
  | 'product_created'
  | 'team_moved';

export interface AuditEntry {
  kind: AuditKind;
  /** Who did it; none for a failed sign-in of an unknown email. */
  actorId?: string | null;
  /** Whom or what it concerns besides the actor: a user id, a project key, a token id. */
  subject?: string | null;
  /** The caller's address (request.ip, right for a proxy under TRUST_PROXY). */
  address?: string | null;
  /** Anything else worth keeping: an email tried, the roles given. Never a secret or a password. */
  data?: Record<string, unknown>;
}

/**
 * Records a security event in the instance-level audit log. Call it inside the transaction of the change it
 * records (`tx`), so the entry is written exactly when the change is; read by `GET /api/admin/audit`.
 */
export async function audit(db: Db | Tx, entry: AuditEntry) {
  await db.insert(auditLog).values({
    kind: entry.kind,
    actorId: entry.actorId ?? null,
    subject: entry.subject ?? null,
    address: entry.address ?? null,
    data: entry.data ?? {},
  });
}

export const AUDIT_KEEP_DAYS = 90;

/** Drops entries older than 90 days. */
export async function pruneAudit(db: Db, at = new Date()) {
  await db.delete(auditLog).where(lt(auditLog.at, new Date(at.getTime() - AUDIT_KEEP_DAYS * 86_400_000)));
}
