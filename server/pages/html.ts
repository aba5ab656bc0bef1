import { createHash } from 'node:crypto';

/**
 * The few HTML pages the service serves itself (the invitation link): text
 * escaped on the way in, one inline stylesheet, no script, nothing loaded
 * from anywhere.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) as HTML: names and addresses come from admins' input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
  :root { color-scheme: light dark; --accent: #2563eb; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { max-width: 26rem; padding: 2rem 1.5rem; }
  h1 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { box-sizing: border-box; width: 100%; font: inherit; padding: .5rem .6rem; border: 1px solid GrayText; border-radius: 6px; }
  button, .app { display: inline-block; margin-top: 1.25rem; font: inherit; font-weight: 600; padding: .55rem 1.1rem; border-radius: 6px; border: 0; background: var(--accent); color: #fff; text-decoration: none; cursor: pointer; }
  .problem { color: #b91c1c; font-weight: 600; }
  .muted { opacity: .75; font-size: .9rem; margin-top: 2rem; }
`;

/**
 * Why — do not loosen without a security review: these pages hold a
 * single-use token that sets a password. No script may run (`default-src
 * 'none'`), the one stylesheet is allowed by its hash only, forms post back
 * here only, no other site may frame the page (clickjacking), and no
 * Referer leaks the token to anywhere a link leads.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** A whole page; `title` is escaped here, `body` must already be HTML built with {@link escapeHtml}. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}
