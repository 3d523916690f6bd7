import DOMPurify from 'dompurify';
import { Marked, type TokenizerAndRendererExtension } from 'marked';

/** What the reader may open: a story key of any other project stays plain text (it may not even exist). */
export interface MarkdownContext {
  readableProjects: ReadonlySet<string>;
  /** The project being read: `@handle` mentions link to its members. */
  projectKey?: string | undefined;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STORY_KEY = /^([A-Z][A-Z0-9]{1,9})-[1-9][0-9]{0,8}(?![\w-])/;
const HANDLE = /^@([a-z0-9][a-z0-9._-]{0,38}[a-z0-9]|[a-z0-9])(?![\w])/;
/** Where a key or a mention may start: not inside a word (an email address is no mention). */
const startOf = (pattern: RegExp) => (src: string) => {
  const match = pattern.exec(src);
  return match ? match.index + (match[1]?.length ?? 0) : undefined;
};

function extensions(context: MarkdownContext): TokenizerAndRendererExtension[] {
  return [
    {
      name: 'storyKey',
      level: 'inline',
      start: startOf(/(^|[^\w-])[A-Z][A-Z0-9]{1,9}-[1-9]/),
      tokenizer(src) {
        const match = STORY_KEY.exec(src);
        if (!match) return undefined;
        return { type: 'storyKey', raw: match[0], key: match[0], project: match[1] };
      },
      renderer(token) {
        const key = escapeHtml(token.key as string);
        if (!context.readableProjects.has(token.project as string)) return key;
        return `<a class="story-ref" data-internal href="/projects/${escapeHtml(token.project as string)}/stories/${key}">${key}</a>`;
      },
    },
    {
      name: 'mention',
      level: 'inline',
      start: startOf(/(^|[^\w@.])@[a-z0-9]/),
      tokenizer(src) {
        const match = HANDLE.exec(src);
        if (!match) return undefined;
        return { type: 'mention', raw: match[0], handle: match[1] };
      },
      renderer(token) {
        const handle = escapeHtml(token.handle as string);
        if (!context.projectKey) return `<span class="mention">@${handle}</span>`;
        return `<a class="mention" data-internal href="/projects/${escapeHtml(context.projectKey)}/members">@${handle}</a>`;
      },
    },
  ];
}

const OWN_CLASSES = new Set(['story-ref', 'mention']);
const purifier = DOMPurify();
// Only the renderer's own classes survive (authors cannot restyle the page with the app's classes).
purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'class' && !OWN_CLASSES.has(data.attrValue)) data.keepAttr = false;
});
// Links leave the app in a new tab that cannot reach back into this one; the app's own links stay.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  if (node.hasAttribute('data-internal') && node.getAttribute('href')?.startsWith('/projects/')) return;
  node.removeAttribute('data-internal');
  if (node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const SANITIZE = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
  FORBID_ATTR: ['style', 'id'],
  ADD_ATTR: ['target', 'data-internal'],
};

/**
 * Markdown → HTML that is safe to insert: raw HTML in the text is shown as text (never parsed), and the
 * result still goes through DOMPurify, which drops scripts, event handlers and `javascript:` URLs.
 */
export function renderMarkdown(
  text: string,
  context: MarkdownContext,
  options: { inline?: boolean } = {},
): string {
  const marked = new Marked({ gfm: true, breaks: true, async: false });
  marked.use({
    extensions: extensions(context),
    renderer: { html: ({ text: raw }) => escapeHtml(raw) },
  });
  const html = options.inline ? (marked.parseInline(text) as string) : (marked.parse(text) as string);
  return purifier.sanitize(html, SANITIZE);
}
