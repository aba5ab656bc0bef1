import { escapeHtml } from '../pages/html';
import { emailWords, type EmailFacts } from '../pages/invitee-words';
import type { MailMessage } from './mailer';

/** The link in an invitation email: the service's public address and the token. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invite/${token}`;
}

/** "9 December 2026, 09:00 GMT": when the link stops working, in the team's zone. */
export function expiryInWords(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at) + ` (${timeZone})`;
}

/**
 * The invitation email: plain text that works on its own (the link written
 * out on its own line), and the same as simple HTML with every value
 * escaped — names come from admins' input.
 */
export function invitationEmail(to: string, facts: EmailFacts): MailMessage {
  const w = emailWords;
  const text = [w.greeting(facts), '', w.why(facts), '', w.linkIntro, facts.link, '', w.expiry(facts), '', w.notYou, ''].join('\n');
  const link = escapeHtml(facts.link);
  const html = `<!doctype html>
<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5">
<p>${escapeHtml(w.greeting(facts))}</p>
<p>${escapeHtml(w.why(facts))}</p>
<p><a href="${link}" style="display: inline-block; padding: 10px 18px; background: #2563eb; color: #ffffff; border-radius: 6px; text-decoration: none; font-weight: 600">${escapeHtml(w.action)}</a></p>
<p>${escapeHtml(w.linkIntro)}<br><a href="${link}">${link}</a></p>
<p>${escapeHtml(w.expiry(facts))}</p>
<p style="color: #666666">${escapeHtml(w.notYou)}</p>
</body></html>
`;
  // A name with a line break must not become a second header line.
  return { to, subject: w.subject(facts).replace(/[\r\n\t]+/g, ' '), text, html };
}
