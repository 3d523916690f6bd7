import { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import { members, products, projects, users, type Db } from '@ordo/db';
import { EXPORT_TABLE_NAMES, EXPORT_TABLES, exportRow, onlyRows, ownerOf } from './export-tables';

export const EXPORT_FORMAT = 'ordo-export';
export const EXPORT_VERSION = 1;
const PAGE = 1000;

/** A table's rows of the project, a page at a time (the whole project is never in memory at once). */
async function* rowsOf(
  db: Db,
  name: (typeof EXPORT_TABLE_NAMES)[number],
  ids: { projectId: string; productId: string },
) {
  const { table, order } = EXPORT_TABLES[name];
  const owner = ownerOf(table, ids);
  for (let offset = 0; ; offset += PAGE) {
    const rows = await db
      .select()
      .from(table)
      .where(and(eq(owner.column, owner.id), onlyRows(name)))
      .orderBy(...order.map((c) => asc(c)))
      .limit(PAGE)
      .offset(offset);
    for (const row of rows) yield exportRow(row);
    if (rows.length < PAGE) return;
  }
}

/** The project row (with its product's vision) and its members as the document holds them. */
export async function projectHead(db: Db, projectId: string) {
  const [row] = await db
    .select({ project: projects, vision: products.vision })
    .from(projects)
    .innerJoin(products, eq(products.id, projects.productId))
    .where(eq(projects.id, projectId));
  const { id: _id, lastSeq: _seq, productId: _product, ...kept } = row!.project;
  const people = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      roles: members.roles,
      joinedAt: members.joinedAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.projectId, projectId))
    .orderBy(asc(users.email));
  return {
    project: exportRow({ ...kept, vision: row!.vision }),
    productId: row!.project.productId,
    members: people.map(exportRow),
  };
}

/**
 * The whole project as one JSON document, written as it is read: `{format, version, exportedAt, project,
 * members, statuses, epics, sprints, stories (deleted ones too), comments, subtasks, links, retro, feedback,
 * events}`.
 */
export function exportDocument(db: Db, projectId: string): Readable {
  async function* chunks() {
    const head = await projectHead(db, projectId);
    yield `{"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())}`;
    yield `,"project":${JSON.stringify(head.project)},"members":${JSON.stringify(head.members)}`;
    for (const name of EXPORT_TABLE_NAMES) {
      yield `,"${name}":[`;
      let first = true;
      for await (const row of rowsOf(db, name, { projectId, productId: head.productId })) {
        yield (first ? '' : ',') + JSON.stringify(row);
        first = false;
      }
      yield ']';
    }
    yield '}\n';
  }
  return Readable.from(chunks());
}
