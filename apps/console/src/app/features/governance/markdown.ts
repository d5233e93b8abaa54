import { Marked, type Tokens } from 'marked';

/**
 * Markdown → HTML for a proposal's rationale. Raw HTML in the source is shown as text (the
 * renderer escapes it), and the result is bound with `[innerHTML]`, which Angular's sanitizer
 * cleans again (scripts, event handlers and `javascript:` URLs removed): two walls.
 */
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escape(token.raw);
    },
    link(token: Tokens.Link): string {
      const href = /^(https?:|mailto:)/i.test(token.href) ? token.href : '#';
      return `<a href="${escape(href)}" rel="noopener noreferrer nofollow" target="_blank">${escape(token.text)}</a>`;
    },
    image(token: Tokens.Image): string {
      return escape(token.text);
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}
