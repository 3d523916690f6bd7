import { z } from 'zod';
import { email, password, roles, role, user } from './auth';
import { id, isoDateTime, projectKey, requiredText } from './common';
import { productRoles } from './product';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** The secret of an invitation or a password-reset link: base64url, as the API makes them. */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a link token');

export const inviteBody = z.object({ email, roles });
export const invitationParams = z.object({ key: projectKey, id });
/** An invitation to a product carries product roles (held in every team of it). */
export const productInviteBody = z.object({ email, roles: productRoles });
export const productInvitationParams = z.object({ product: projectKey, id });
export const tokenParams = z.object({ token: linkToken });

/** A pending invitation as the inviter sees it; `acceptUrl` only in the answer that created it. */
export const invitation = z.object({
  id,
  email: z.string(),
  roles: z.array(role),
  expiresAt: isoDateTime,
  createdAt: isoDateTime,
  invitedBy: z.object({ id, name: z.string() }),
  acceptUrl: z.string().optional(),
});
export type Invitation = z.infer<typeof invitation>;
export const invitationResponse = z.object({ invitation });

/** What an invitation brings its holder into. */
const invitedTo = z.object({ key: projectKey, name: z.string() });

/**
 * What the link's holder may see before accepting: who invited whom to what. To what is one of `project`
 * (a team's invitation, the first wave's shape) or `product` (an invitation to a whole product).
 */
export const publicInvitation = z.object({
  email: z.string(),
  roles: z.array(role),
  project: invitedTo.optional(),
  product: invitedTo.optional(),
  inviter: z.object({ name: z.string() }),
  /** Whether an account with this email exists already: sign in rather than sign up. */
  hasAccount: z.boolean(),
});
export const publicInvitationResponse = z.object({ invitation: publicInvitation });

/** Accepting: a new account needs a name and a password; an existing one its password (or a session). */
export const acceptInvitationBody = z.object({
  name: requiredText(100).optional(),
  password: password.optional(),
});
/** The account that joined, and where it joined: the project, or the product (as in `publicInvitation`). */
export const acceptInvitationResponse = z.object({
  user,
  project: invitedTo.optional(),
  product: invitedTo.optional(),
});
export type PublicInvitation = z.infer<typeof publicInvitation>;
