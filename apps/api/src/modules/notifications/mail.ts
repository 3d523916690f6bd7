import type { Db, Tx } from '@ordo/db';
import { MAILED_NOTIFICATIONS, type NotificationDraft } from '@ordo/domain';
import { composeMail, enqueueMail, type Mailer } from '../mail';

/**
 * The app's mailer for a database handle. Project writes (`writeInProject`) know the database, not the
 * app; the notifications module registers the app's mailer here when it starts.
 */
const mailers = new WeakMap<Db, Mailer>();
export const useMailer = (db: Db, mailer: Mailer) => void mailers.set(db, mailer);

export interface MailTarget {
  email: string;
  storyKey: string;
  projectKey: string;
}

/** Mentions and assignments are also mailed, when the server has SMTP; queued in the change's transaction. */
export async function mailNotifications(
  tx: Tx,
  db: Db,
  drafts: NotificationDraft[],
  targetOf: (draft: NotificationDraft) => MailTarget | undefined,
) {
  const mailer = mailers.get(db);
  if (!mailer?.enabled) return;
  for (const draft of drafts) {
    const target = MAILED_NOTIFICATIONS.includes(draft.type) ? targetOf(draft) : undefined;
    if (!target) continue;
    const url = mailer.link(`/projects/${target.projectKey}/stories/${target.storyKey}`);
    const subject =
      draft.type === 'mentioned'
        ? `You were mentioned on ${target.storyKey}`
        : `${target.storyKey} was assigned to you`;
    await enqueueMail(
      tx,
      composeMail(target.email, {
        subject,
        paragraphs: [draft.text],
        action: { label: `Open ${target.storyKey}`, url },
        footer: ['Ordo mails you when someone mentions you or assigns you a story.'],
      }),
    );
  }
}
