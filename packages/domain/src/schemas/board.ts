import { z } from 'zod';
import { id, storyKey } from './common';
import { status } from './project';
import { sprint } from './sprint';
import { story } from './story';

export const boardColumn = z.object({
  status,
  wipLimit: z.number().int().nullable(),
  /** More stories in the column than its WIP limit allows (soft: the move was not refused). */
  overLimit: z.boolean(),
  stories: z.array(story),
});
export const boardResponse = z.object({
  sprint: sprint.nullable(),
  columns: z.array(boardColumn),
  /** By a card's story key: the stories not done yet that block it (its warning), keys in order. */
  blockedBy: z.record(z.string(), z.array(storyKey)),
});
/** The daily stand-up filters the board by assignee; WIP limits still count every story. */
export const boardQuery = z.object({ assignee: id.optional() });
export const transitionBody = z.object({ statusId: id });
