import type { Tx } from '@ordo/db';
import { invitedText } from '@ordo/domain';
import { writeNotifications } from './derive';

/**
 * Tells a user who already has an account that they were invited to a project: call it in the
 * transaction that creates the invitation. It shows in their inbox (and live) although they are not a
 * member yet.
 */
export async function notifyInvited(
  tx: Tx,
  invitation: {
    userId: string;
    project: { id: string; name: string };
    inviter: { id: string; name: string };
  },
) {
  const text = invitedText(invitation.inviter.name, invitation.project.name);
  await writeNotifications(tx, invitation.project.id, invitation.inviter, [
    { userId: invitation.userId, type: 'invited', storyId: null, text },
  ]);
}
