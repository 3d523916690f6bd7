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
import { JSONParser } from '@streamparser/json';
import { decodeText, limitedChunks } from './read-body';
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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSON document, parsed as it arrives (the text is never held whole, only the values it makes); a syntax
 * error is refused naming the body and where it is.
 */
export async function readJson(body: Readable | undefined): Promise<unknown> {
  const parser = new JSONParser();
  let document: unknown;
  let empty = true;
  parser.onValue = ({ value, key, stack }) => {
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key))
      throw invalid(`body.${key}`, 'this key is not allowed');
    if (stack.length === 0) document = value;
  };
  try {
    for await (const part of decodeText(limitedChunks(body)).text) {
      if (empty && part.trim() === '') continue;
      empty = false;
      parser.write(part);
    }
    if (empty) throw invalid('body', 'the file is empty');
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalid('body', `the JSON is malformed (${(error as Error).message})`);
  }
  return document;
}

/** Jira's REST search response (`{issues: [{key, fields, changelog}]}`), one or several pages of it. */
export async function readJiraJson(body: Readable | undefined): Promise<ReadIssues> {
  const { issues, document } = issuesOfDocument(await readJson(body));
  const ids = jiraFieldIds(document, issues as Record<string, unknown>[]);
  return { issues: issues.map((raw, i) => issueFromJson(raw, i + 1, ids)), notes: [] };
}
