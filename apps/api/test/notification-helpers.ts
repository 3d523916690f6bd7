import type { Client } from './harness';

export interface InboxItem {
  id: string;
  type: string;
  read: boolean;
  actor: { id: string | null; name: string };
  project: { key: string; name: string };
  story: { key: string; title: string } | null;
  text: string;
}

/** The caller's inbox, newest first, and the unread count. */
export async function inbox(client: Client, query = ''): Promise<{ items: InboxItem[]; unread: number }> {
  const reply = await client.get(`/api/me/notifications${query}`);
  if (reply.status !== 200) throw new Error(`inbox failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** The types of the caller's notifications about one story, newest first. */
export const kinds = async (client: Client, storyKey: string) =>
  (await inbox(client)).items.filter((n) => n.story?.key === storyKey).map((n) => n.type);

export async function statusIds(client: Client, base: string) {
  const statuses = (await client.get(`${base}/statuses`)).body.statuses as {
    id: string;
    name: string;
    category: string;
  }[];
  const first = (category: string) => statuses.find((s) => s.category === category)!;
  return { todo: first('todo'), doing: first('in_progress'), done: first('done') };
}

export async function storyOf(client: Client, base: string, key: string) {
  return (await client.get(`${base}/stories/${key}`)).body.story as {
    version: number;
    watching: boolean;
    id: string;
  };
}
