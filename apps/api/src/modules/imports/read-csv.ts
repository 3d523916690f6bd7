import { pipeline, Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import { invalidAt } from '@ordo/domain';

export type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of a CSV from its first line: the one of comma, semicolon and tab that occurs most outside
 * quotes (Jira writes commas; Excel in French, German… semicolons; some tools tabs).
 */
export function detectDelimiter(firstLine: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c as Delimiter]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

/** The text up to the first line break outside quotes (the header line), once enough has arrived. */
function headerLine(text: string): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return null;
}

export interface CsvRecord {
  /** The file line the record starts on (1 is the header). */
  line: number;
  cells: string[];
}

/**
 * The records of a CSV text stream, parsed by csv-parse: quoted fields with delimiters, quotes and line
 * breaks inside, CRLF or LF, a byte-order mark, rows of uneven length. A malformed file (an unclosed quote,
 * a stray quote) is refused with the line and csv-parse's reason.
 */
export async function* readCsv(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  while (headerLine(head) === null) {
    const next = await iterator.next();
    if (next.done) break;
    head += next.value;
  }
  const delimiter = detectDelimiter(headerLine(head) ?? head);
  async function* rest() {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  // Lines are counted inside the parser, record by record, so an error names the line of the record it broke.
  let endOfLast = 0;
  // (csv-parse types on_record as returning a record of the same shape; ours carries its line.)
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (cells: string[], context: { lines: number }) => {
      const line = endOfLast + 1;
      endOfLast = context.lines;
      return { line, cells };
    },
  } as unknown as Options);
  // pipeline, not pipe: a failing upload (too large, badly encoded) ends the parser with its error.
  pipeline(Readable.from(rest(), { objectMode: false }), parser, () => {});
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
  } catch (error) {
    const csv = error as CsvError;
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      // The line where the broken record starts: an unclosed quote is only noticed at the end of the file.
      throw invalidAt(endOfLast + 1, csv.message.replace(/^[^:]*:\s*/, ''));
    }
    throw error;
  }
}
