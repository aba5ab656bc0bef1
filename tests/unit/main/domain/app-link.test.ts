import { describe, expect, it } from 'vitest';
import { MAX_APP_LINK } from '../../../../common/schemas/app-link';
import { appLinkInArgv, parseAppLink } from '../../../../main/domain/app-link';
import { openAppLink } from '../../../../server/pages/invite-page';

const signIn = (workspace: string, email?: string) => ({ ok: true, link: { kind: 'sign-in', workspace, ...(email === undefined ? {} : { email }) } });
const link = (query: string) => `ringdesk://sign-in?${query}`;
const ws = (url: string) => `workspace=${encodeURIComponent(url)}`;

describe('reading a ringdesk://sign-in link', () => {
  it("accepts exactly what the workspace's invitation page offers", () => {
    expect(parseAppLink(openAppLink('https://team.example.com', 'cara@demo.test'))).toEqual(signIn('https://team.example.com', 'cara@demo.test'));
    expect(parseAppLink(openAppLink('http://127.0.0.1:8480', 'Cara+Sales@Demo.test'))).toEqual(signIn('http://127.0.0.1:8480', 'cara+sales@demo.test'));
  });

  it('takes the address as the sign-in form would: one spelling, no trailing slash', () => {
    expect(parseAppLink(link(`${ws('https://team.example.com/ringdesk/')}&email=ana%40example.com`))).toEqual(signIn('https://team.example.com/ringdesk', 'ana@example.com'));
  });

  it('takes a link without an email, a trailing slash and any case in the scheme and action', () => {
    expect(parseAppLink(`RINGDESK://Sign-In/?${ws('https://team.example.com')}`)).toEqual(signIn('https://team.example.com'));
    expect(parseAppLink(link(`${ws('https://team.example.com')}&email=`))).toEqual(signIn('https://team.example.com'));
  });
});

describe('refusing links that are not ours or not safe', () => {
  const refusals: Array<[string, unknown, string, string?]> = [
    ['nothing at all', undefined, 'not-a-link'],
    ['a number', 42, 'not-a-link'],
    ['an object', { href: 'ringdesk://sign-in' }, 'not-a-link'],
    ['an empty string', '', 'not-a-link'],
    ['no scheme', 'sign-in?workspace=https://a.example.com', 'not-a-link'],
    ['javascript:', 'javascript:alert(document.cookie)', 'unknown-scheme'],
    ['a web page', 'https://team.example.com/invite/abc', 'unknown-scheme'],
    ['file:', 'file:///etc/passwd', 'unknown-scheme'],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'unknown-scheme'],
    ['a look-alike scheme', 'ringdesks://sign-in?workspace=https%3A%2F%2Fa.example.com', 'unknown-scheme'],
    ['another action', link('x').replace('sign-in', 'call'), 'unknown-action'],
    ['the app page itself', 'ringdesk://app/index.html', 'unknown-action'],
    ['a longer path', `ringdesk://sign-in/extra?${ws('https://a.example.com')}`, 'unknown-action'],
    ['a port on the action', `ringdesk://sign-in:80?${ws('https://a.example.com')}`, 'unknown-action'],
    ['no authority', `ringdesk:sign-in?${ws('https://a.example.com')}`, 'unknown-action'],
    ['a fragment', `${link(ws('https://a.example.com'))}#x`, 'unknown-action'],
    ['credentials in the link', `ringdesk://ana:secret@sign-in?${ws('https://a.example.com')}`, 'credentials'],
    ['credentials in the workspace address', link(ws('https://ana:secret@a.example.com')), 'credentials'],
    ['a user in the workspace address', link('workspace=https://ana@a.example.com'), 'credentials'],
    ['an unknown parameter', link(`${ws('https://a.example.com')}&password=hunter2`), 'unexpected-parameter'],
    ['the workspace twice', link(`${ws('https://a.example.com')}&${ws('https://evil.example.com')}`), 'unexpected-parameter'],
    ['the email twice', link(`${ws('https://a.example.com')}&email=a%40b.com&email=c%40d.com`), 'unexpected-parameter'],
    ['no workspace', link('email=cara%40demo.test'), 'workspace-missing'],
    ['an empty workspace', link('workspace=&email=cara%40demo.test'), 'workspace-missing'],
    ['a blank workspace', link('workspace=%20%20'), 'workspace-missing'],
    ['plain http to another computer', link(ws('http://evil.example.com')), 'workspace-invalid', 'workspace-url-insecure'],
    ['a javascript: workspace', link(ws('javascript:alert(1)')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['an ftp workspace', link(ws('ftp://files.example.com')), 'workspace-invalid', 'workspace-url-scheme'],
    ['a file workspace', link(ws('file:///etc/passwd')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a workspace that is not an address', link(ws('not a url')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a workspace with a query', link(ws('https://a.example.com/?next=https://evil.example.com')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a workspace with a fragment', link(ws('https://a.example.com/#x')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a NUL in the workspace', link(ws('https://a.example.com/\u0000')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a newline in the workspace', link(ws('https://a.example.com\r\nHost: evil')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a port out of range', link(ws('https://a.example.com:99999')), 'workspace-invalid', 'workspace-url-not-a-url'],
    ['a workspace address too long', link(ws(`https://a.example.com/${'a'.repeat(2100)}`)), 'workspace-invalid', 'too-long'],
    ['an invalid email', link(`${ws('https://a.example.com')}&email=not-an-email`), 'email-invalid'],
    ['markup as the email', link(`${ws('https://a.example.com')}&email=${encodeURIComponent('<img src=x onerror=alert(1)>@a.com')}`), 'email-invalid'],
    ['an email with a bidi override', link(`${ws('https://a.example.com')}&email=${encodeURIComponent('ana\u202e@example.com')}`), 'email-invalid'],
    ['an email too long', link(`${ws('https://a.example.com')}&email=${'a'.repeat(250)}%40example.com`), 'email-invalid'],
    ['broken percent-encoding', link('workspace=%E0%A4%A'), 'not-a-link'],
    ['a raw space', 'ringdesk://sign-in?workspace=https://a.example.com&email=a b@c.com', 'not-a-link'],
    ['a raw newline', 'ringdesk://sign-in\n?workspace=https://a.example.com', 'not-a-link'],
    ['a zero-width space', 'ringdesk://sign\u200b-in?workspace=https://a.example.com', 'not-a-link'],
    ['a link over the limit', link(`${ws('https://a.example.com')}&x=${'a'.repeat(MAX_APP_LINK)}`), 'too-long'],
  ];

  it.each(refusals)('refuses %s', (_what, input, refusal, problem) => {
    expect(parseAppLink(input)).toEqual(problem ? { ok: false, refusal, problem } : { ok: false, refusal });
  });

  it('never throws, whatever it is handed', () => {
    const odd: unknown[] = [null, Symbol('x'), () => 1, 'ringdesk://', 'ringdesk://sign-in', 'ringdesk://sign-in?', 'ringdesk://sign-in?&&&', 'ringdesk://sign-in?=', '%', 'ringdesk://sign-in?%=%', '\ud800'];
    for (const input of odd) expect(() => parseAppLink(input)).not.toThrow();
    expect(parseAppLink('ringdesk://sign-in')).toEqual({ ok: false, refusal: 'workspace-missing' });
  });
});

describe('finding the link in the command line (Windows and Linux)', () => {
  it('picks the ringdesk: argument among the switches Chromium adds', () => {
    const argv = ['C:\\Program Files\\Ringdesk\\Ringdesk.exe', '--allow-file-access-from-files', 'ringdesk://sign-in?workspace=https%3A%2F%2Fa.example.com'];
    expect(appLinkInArgv(argv)).toBe('ringdesk://sign-in?workspace=https%3A%2F%2Fa.example.com');
  });

  it('does not take a Windows drive path or a plain start for a link', () => {
    expect(appLinkInArgv(['C:\\Ringdesk\\Ringdesk.exe', 'c:/users/ana'])).toBeNull();
    expect(appLinkInArgv(['/usr/bin/ringdesk', '--hidden'])).toBeNull();
  });
});
