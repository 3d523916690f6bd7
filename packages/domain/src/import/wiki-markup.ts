/**
 * Jira's wiki markup (the text of descriptions and comments in CSV exports and the v2 REST API) as the
 * Markdown Ordo shows: headings, bold, italic, monospace, strike-through, code and noformat blocks, quotes,
 * links, mentions and nested lists. Code blocks are copied verbatim; anything unknown stays as it was.
 */
export function jiraToMarkdown(wiki: string): string {
  const out: string[] = [];
  let fence: 'code' | 'noformat' | 'quote' | null = null;
  for (const line of wiki.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence === 'code' || fence === 'noformat') {
      const end = line.indexOf(`{${fence}}`);
      if (end === -1) {
        out.push(line);
        continue;
      }
      if (line.slice(0, end).trim() !== '') out.push(line.slice(0, end));
      out.push('```');
      fence = null;
      const rest = line.slice(end + markerLength(line, end)).trim();
      if (rest) out.push(convertLine(rest));
      continue;
    }
    const open = /^\s*\{(code|noformat)(?::([^}]*))?\}(.*)$/.exec(line);
    if (open) {
      const language =
        open[1] === 'code'
          ? (open[2] ?? '')
              .split('|')[0]!
              .replace(/^language=/, '')
              .trim()
          : '';
      out.push('```' + (language.includes('=') ? '' : language));
      fence = open[1] as 'code' | 'noformat';
      const body = open[3] ?? '';
      const close = body.indexOf(`{${fence}}`);
      if (close !== -1) {
        if (body.slice(0, close)) out.push(body.slice(0, close));
        out.push('```');
        fence = null;
      } else if (body) out.push(body);
      continue;
    }
    if (/^\s*\{quote\}\s*$/.test(line)) {
      fence = fence === 'quote' ? null : 'quote';
      continue;
    }
    const converted = convertLine(line);
    out.push(fence === 'quote' ? `> ${converted}` : converted);
  }
  if (fence === 'code' || fence === 'noformat') out.push('```');
  return out.join('\n');
}

/** Length of the `{code}` / `{noformat}` marker found at `at`. */
function markerLength(line: string, at: number) {
  return line.startsWith('{code}', at) ? '{code}'.length : '{noformat}'.length;
}

function convertLine(line: string): string {
  const heading = /^\s*h([1-6])\.\s*(.*)$/.exec(line);
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${convertInline(heading[2]!)}`;
  const quote = /^\s*bq\.\s*(.*)$/.exec(line);
  if (quote) return `> ${convertInline(quote[1]!)}`;
  const list = /^\s*([*#-]+)\s+(.*)$/.exec(line);
  if (list && !(list[1]!.startsWith('-') && list[1]!.length > 1)) {
    const marks = list[1]!;
    const indent = '  '.repeat(marks.length - 1);
    const bullet = marks.endsWith('#') ? '1.' : '-';
    return `${indent}${bullet} ${convertInline(list[2]!)}`;
  }
  return convertInline(line);
}

/** Inline markup; `{{monospace}}` spans are converted first and left alone by the other rules. */
function convertInline(text: string): string {
  const spans: string[] = [];
  const hold = (s: string) => `\u0000${spans.push(s) - 1}\u0000`;
  let s = text.replace(/\{\{(.+?)\}\}/g, (_, code: string) => hold('`' + code + '`'));
  s = s.replace(/\[~(?:accountid:)?([^\]|]+)\]/g, (_, user: string) => hold(`@${user}`));
  s = s.replace(/\[([^\]|\n]*)\|([^\]\n]+)\]/g, (_, label: string, url: string) =>
    hold(`[${label || url}](${url.trim()})`),
  );
  s = s.replace(/\[((?:https?|mailto|ftp):[^\]\s]+)\]/g, (_, url: string) => hold(`<${url}>`));
  s = s.replace(/(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*(?=$|[^\w*])/g, '$1**$2**');
  s = s.replace(/(^|[^\w_])_(\S(?:[^_]*?\S)?)_(?=$|[^\w_])/g, '$1*$2*');
  s = s.replace(/(^|[^\w-])-(\S(?:[^-]*?\S)?)-(?=$|[^\w-])/g, '$1~~$2~~');
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => spans[Number(i)]!);
}

/**
 * The way back, for the CSV export: the Markdown that `jiraToMarkdown` writes, as Jira wiki markup, so
 * that Jira reads the file and Ordo, importing it again, gets the same Markdown.
 */
export function markdownToJira(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^```(\S*)\s*$/.exec(line);
    if (marker && fence === null) {
      fence = marker[1] ? 'code' : 'noformat';
      out.push(marker[1] ? `{code:${marker[1]}}` : '{noformat}');
      continue;
    }
    if (marker && fence !== null) {
      out.push(`{${fence}}`);
      fence = null;
      continue;
    }
    if (fence !== null) {
      out.push(line);
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    const list = /^((?: {2})*)(-|1\.) (.*)$/.exec(line);
    const quote = /^> ?(.*)$/.exec(line);
    if (heading) out.push(`h${heading[1]!.length}. ${inlineToJira(heading[2]!)}`);
    else if (list)
      out.push(`${(list[2] === '-' ? '*' : '#').repeat(list[1]!.length / 2 + 1)} ${inlineToJira(list[3]!)}`);
    else if (quote) out.push(`bq. ${inlineToJira(quote[1]!)}`);
    else out.push(inlineToJira(line));
  }
  return out.join('\n');
}

function inlineToJira(text: string): string {
  const spans: string[] = [];
  const hold = (s: string) => `\u0000${spans.push(s) - 1}\u0000`;
  let s = text.replace(/`([^`]+)`/g, (_, code: string) => hold(`{{${code}}}`));
  s = s.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => hold(`[${label}|${url}]`));
  s = s.replace(/<((?:https?|mailto|ftp):[^>\s]+)>/g, (_, url: string) => hold(`[${url}]`));
  s = s.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, user: string) => `${before}${hold(`[~${user}]`)}`);
  s = s.replace(/\*\*(\S(?:.*?\S)?)\*\*/g, (_, bold: string) => hold(`*${bold}*`));
  s = s.replace(/(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*(?=$|[^\w*])/g, '$1_$2_');
  s = s.replace(/~~(\S(?:.*?\S)?)~~/g, '-$1-');
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => spans[Number(i)]!);
}
