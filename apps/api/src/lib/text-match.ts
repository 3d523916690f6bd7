import { eq, or, sql, type SQL } from 'drizzle-orm';
import { stories } from '@ordo/db';
import { readSearchText, type SearchText } from '@ordo/domain';

/** The stories' generated tsvector (see the `story_search` migration); GIN-indexed. */
export const searchVector = sql`"stories"."search"`;

/** The text as a tsquery: always bound as a parameter, never spliced into the SQL. */
export function tsQuery(text: SearchText): SQL {
  return text.prefix === null
    ? sql`websearch_to_tsquery('english', ${text.web})`
    : sql`to_tsquery('english', ${text.prefix})`;
}

export const matchesWords = (text: SearchText): SQL => sql`${searchVector} @@ ${tsQuery(text)}`;

/** Stories of the project `projectKey` the text is about: by key (`SHOP-42`) or by words. */
export function matchesText(q: string, projectKey: string): SQL {
  const text = readSearchText(q);
  const words = matchesWords(text);
  return text.key?.projectKey === projectKey ? or(eq(stories.number, text.key.number), words)! : words;
}
