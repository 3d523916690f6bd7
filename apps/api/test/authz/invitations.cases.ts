import { newInviteeEmail as newEmail, pendingInvitation } from '../invitation-helpers';
import type { AuthzCase } from './types';

export const invitationCases: AuthzCase[] = [
  {
    route: 'POST /api/projects/{key}/invitations',
    action: 'members.invite',
    request: async (f) => ({
      path: `${f.base}/invitations`,
      body: { email: newEmail(), roles: ['developer'] },
    }),
  },
  {
    route: 'GET /api/projects/{key}/invitations',
    action: 'members.invite',
    request: async (f) => ({ path: `${f.base}/invitations` }),
  },
  {
    route: 'DELETE /api/projects/{key}/invitations/{id}',
    action: 'members.invite',
    request: async (f) => ({ path: `${f.base}/invitations/${(await pendingInvitation(f)).id}` }),
  },
];
