import type { Readable } from 'node:stream';
import {
  csvColumns,
  DomainError,
  invalid,
  issueFromCsv,
  issueFromJson,
  issuesOfDocument,
  jiraFieldIds,
  type CsvColumns,
  type JiraIssue,
} from '@ordo/domain';
import { decodeText, limitedChunks, readText } from './read-body';
import { readCsv } from './read-csv';

export interface ReadIssues {
  issues: JiraIssue[];
  /** What the reader noticed about the file as a whole (its encoding, its delimiter…). */
  notes: string[];
}

/** A Jira CSV export, streamed: one issue per record, the header line read for its columns. */
export async function readJiraCsv(body: Readable | undefined): Promise<ReadIssues> {
  const decoded = decodeText(limitedChunks(body));
  let columns: CsvColumns | null = null;
  const issues: JiraIssue[] = [];
  for await (const record of readCsv(decoded.text)) {
    if (!columns) {
      columns = csvColumns(record.cells);
      continue;
    }
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    issues.push(issueFromCsv(columns, record.cells, record.line));
  }
  if (!columns) throw invalid('body', 'the file is empty');
  const notes =
    decoded.encoding() === 'windows-1252' ? ['The file was read as Windows-1252 (it is not UTF-8)'] : [];
  return { issues, notes };
}

/** A JSON document, parsed in one piece; a syntax error is refused naming the body and where it is. */
export async function readJson(body: Readable | undefined): Promise<unknown> {
  const text = await readText(decodeText(limitedChunks(body)).text);
  if (text.trim() === '') throw invalid('body', 'the file is empty');
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype')
        throw invalid(`body.${key}`, 'this key is not allowed');
      return value;
    }) as unknown;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalid('body', `the JSON is malformed (${(error as Error).message})`);
  }
}

/** Jira's REST search response (`{issues: [{key, fields, changelog}]}`), one or several pages of it. */
export async function readJiraJson(body: Readable | undefined): Promise<ReadIssues> {
  const { issues, document } = issuesOfDocument(await readJson(body));
  const ids = jiraFieldIds(document, issues as Record<string, unknown>[]);
  return { issues: issues.map((raw, i) => issueFromJson(raw, i + 1, ids)), notes: [] };
}
