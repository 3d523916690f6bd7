import { changePasswordBody, passwordResetBody, passwordResetRequestBody, tokenParams } from '@ordo/domain';
import { requestSecret, requireSession } from '../../plugins/session';
import type { App } from '../../types';
import { changePassword, requestReset, resetPassword } from './service';

export default async function passwordRoutes(app: App) {
  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: passwordResetRequestBody },
    },
    async (request, reply) => {
      await requestReset(app, request.body.email, request.ip);
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/auth/password-reset/:token',
    {
      config: { public: true },
      schema: { tags: ['auth'], params: tokenParams, body: passwordResetBody },
    },
    async (request, reply) => {
      await resetPassword(app, request.params.token, request.body.password, request.ip);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/me/password',
    {
      schema: { tags: ['auth'], body: changePasswordBody },
    },
    async (request, reply) => {
      requireSession(request, 'change the password');
      await changePassword(app, request.user.id, request.body, {
        secret: requestSecret(request)?.secret,
        address: request.ip,
      });
      return reply.code(204).send();
    },
  );
}
