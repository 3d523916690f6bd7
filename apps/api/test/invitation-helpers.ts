import type { AuthzFixture } from './authz/types';

let n = 0;
export const newInviteeEmail = () => `invitee.${Date.now().toString(36)}${(n++).toString(36)}@authz.test`;

/** A pending invitation made by the admin; returns its id and the token of its link. */
export async function pendingInvitation(f: AuthzFixture) {
  const reply = await f.admin.post(`${f.base}/invitations`, {
    email: newInviteeEmail(),
    roles: ['developer'],
  });
  if (reply.status !== 201)
    throw new Error(`invitation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const { id, acceptUrl } = reply.body.invitation as { id: string; acceptUrl: string };
  return { id, token: acceptUrl.split('/').at(-1)! };
}
