import { INVITATION_DAYS, ROLE_LABELS, type Role } from '@ordo/domain';
import { composeMail } from '../mail';

/** The invitation mail: who invites whom to what, as what, and the link. */
export function invitationMail(
  to: string,
  about: { inviter: string; project: string; roles: Role[]; acceptUrl: string },
) {
  const roles = about.roles.map((r) => ROLE_LABELS[r]).join(', ');
  return composeMail(to, {
    subject: `${about.inviter} invited you to ${about.project} on Ordo`,
    paragraphs: [`${about.inviter} invited you to join ${about.project} on Ordo as ${roles}.`],
    action: { label: 'Accept the invitation', url: about.acceptUrl },
    footer: [
      `The link works once and expires in ${INVITATION_DAYS} days. If you did not expect this, ignore this mail.`,
    ],
  });
}
