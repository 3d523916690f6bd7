import { and, eq, or } from 'drizzle-orm';
import { storyLinks, type Db } from '@ordo/db';
import { conflict, invalid, notFound, type LinkType } from '@ordo/domain';
import { writeInProject } from '../events/log';
import { loadStory } from '../stories/queries';
import { recordStory } from '../stories/service';
import type { ProjectScope, WriteScope } from '../../lib/scope';
import { blocksTransitively, canRead, findTeamStory } from './queries';

/**
 * Links `key` to `other`: `key` blocks / relates to / duplicates `other`. The other story may be of any team
 * of the product; a caller who is not in that team learns only its key (no title). A link that would make
 * stories block each other in a loop (across teams too) is refused, as is a second link of the same kind
 * between the two.
 */
export async function addLink(
  db: Db,
  scope: ProjectScope,
  key: string,
  input: { type: LinkType; story: string },
) {
  return writeInProject(db, scope, async (tx, log) => {
    const from = await loadStory(tx, scope.project, key);
    if (from.deletedAt) throw conflict(`${key} is deleted; restore it first`);
    if (input.story === key) throw invalid('story', 'a story cannot be linked to itself');
    const target = await findTeamStory(tx, scope.project, input.story);
    if (!target || target.story.deletedAt) throw invalid('story', 'is not a story of a team of this product');
    const { story: to, team } = target;
    const [existing] = await tx
      .select({ id: storyLinks.id })
      .from(storyLinks)
      .where(
        and(
          eq(storyLinks.type, input.type),
          or(
            and(
              eq(storyLinks.projectId, from.projectId),
              eq(storyLinks.fromStoryId, from.id),
              eq(storyLinks.toStoryId, to.id),
            ),
            // "relates" and "duplicates" read both ways; "blocks" the other way round is a loop (below).
            input.type === 'blocks'
              ? undefined
              : and(
                  eq(storyLinks.projectId, to.projectId),
                  eq(storyLinks.fromStoryId, to.id),
                  eq(storyLinks.toStoryId, from.id),
                ),
          ),
        ),
      );
    if (existing) throw conflict(`${key} and ${input.story} are linked that way already`);
    if (input.type === 'blocks' && (await blocksTransitively(tx, to, from))) {
      throw invalid(
        'story',
        `${input.story} already blocks ${key} (directly or through other stories): that would be a loop`,
      );
    }
    const [row] = await tx
      .insert(storyLinks)
      .values({
        projectId: scope.project.id,
        fromStoryId: from.id,
        toProjectId: team.id,
        toStoryId: to.id,
        type: input.type,
      })
      .returning();
    const link = {
      id: row!.id,
      type: input.type,
      story: {
        key: input.story,
        title: (await canRead(tx, scope.actor.id, team)) ? to.title : null,
        projectKey: team.key,
      },
    };
    // The team's log is read by all of the team: another team's title stays out of it, whoever linked.
    const logged = team.id === scope.project.id ? link : { ...link, story: { ...link.story, title: null } };
    // A new `blocks` link to another team may be a dependency conflict from the start (judged after the work).
    const blocksAcrossTeams = input.type === 'blocks' && team.id !== scope.project.id;
    recordStory(log, scope.project, 'link.added', from, { link: logged }, { blocksAcrossTeams });
    return link;
  });
}

/** Removes a link of the story, whichever side of it the story is on. */
export async function removeLink(db: Db, scope: WriteScope, key: string, id: string) {
  await writeInProject(db, scope, async (tx, log) => {
    const story = await loadStory(tx, scope.project, key);
    const [row] = await tx
      .delete(storyLinks)
      .where(
        and(
          eq(storyLinks.id, id),
          // An outward link is stored in this project, an inward one in the project it starts from.
          or(
            and(eq(storyLinks.projectId, story.projectId), eq(storyLinks.fromStoryId, story.id)),
            and(eq(storyLinks.toProjectId, story.projectId), eq(storyLinks.toStoryId, story.id)),
          ),
        ),
      )
      .returning();
    if (!row) throw notFound('Link');
    recordStory(log, scope.project, 'link.removed', story, { link: { id: row.id, type: row.type } });
  });
}
