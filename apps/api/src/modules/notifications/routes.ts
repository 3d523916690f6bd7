import { markReadBody, notificationsQuery, notificationsResponse } from '@ordo/domain';
import type { App } from '../../types';
import { useToday } from './conflicts';
import { useMailer } from './mail';
import { listNotifications, markRead, unreadCount } from './queries';

const tags = ['notifications'];

/** The caller's inbox. Live delivery goes over `GET /api/live` (see the live module's hub). */
export default async function notificationRoutes(app: App) {
  const db = app.database.db;
  useMailer(db, app.mail);
  useToday(db, () => app.today());

  app.get(
    '/api/me/notifications',
    {
      schema: { tags, querystring: notificationsQuery, response: { 200: notificationsResponse } },
    },
    async (request) => ({
      items: await listNotifications(db, request.user.id, request.query),
      unread: await unreadCount(db, request.user.id),
    }),
  );

  app.post(
    '/api/me/notifications/read',
    {
      schema: { tags, body: markReadBody },
    },
    async (request, reply) => {
      await markRead(db, request.user.id, request.body.all ? 'all' : request.body.ids!);
      return reply.code(204).send();
    },
  );
}
