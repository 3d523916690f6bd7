import { INVITATION_DAYS, ROLE_LABELS, type Role } from '@ordo/domain';
import { composeMail } from '../mail';
import type { InvitationTarget } from './queries';

/** The invitation mail: who invites whom to what (a project, or a product and all its teams), as what, and the link. */
export function invitationMail(
  to: string,
  about: { inviter: string; target: InvitationTarget; roles: Role[]; acceptUrl: string },
) {
  const roles = about.roles.map((r) => ROLE_LABELS[r]).join(', ');
  const what = about.target.kind === 'product' ? `the product ${about.target.name}` : about.target.name;
  return composeMail(to, {
    subject: `${about.inviter} invited you to ${what} on Ordo`,
    paragraphs: [
      `${about.inviter} invited you to join ${what} on Ordo as ${roles}.`,
      ...(about.target.kind === 'product' ? ['A product role holds in every team of the product.'] : []),
    ],
    action: { label: 'Accept the invitation', url: about.acceptUrl },
    footer: [
      `The link works once and expires in ${INVITATION_DAYS} days. If you did not expect this, ignore this mail.`,
    ],
  });
}
