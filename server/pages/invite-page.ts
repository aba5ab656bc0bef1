import { MAX_PASSWORD, MIN_PASSWORD } from '../../common/schemas/workspace/auth';
import { escapeHtml, page } from './html';
import { pageWords, type PageFacts, type PageProblem } from './invitee-words';

/**
 * The pages behind an invitation link (`/invite/<token>`): the set-password
 * form, the page after it, and one page per reason a link is dead. Every
 * value is escaped; the form posts back to the same address (the token
 * stays in the path, never in the page).
 */

export interface RenderedPage {
  status: number;
  html: string;
}

/**
 * The app's sign-in, prefilled: `ringdesk://sign-in?workspace=…&email=…`.
 * The app reads it in main/domain/app-link.ts (keep the two in step).
 */
export function openAppLink(publicUrl: string, email: string): string {
  return `ringdesk://sign-in?workspace=${encodeURIComponent(publicUrl)}&email=${encodeURIComponent(email)}`;
}

export function formPage(facts: PageFacts, appLink: string, problem?: PageProblem): RenderedPage {
  const w = pageWords;
  const alert = problem ? `<p class="problem" role="alert">${escapeHtml(w.problem[problem])}</p>` : '';
  const limits = `minlength="${MIN_PASSWORD}" maxlength="${MAX_PASSWORD}" required autocomplete="new-password"`;
  const body = `<p>${escapeHtml(w.formIntro(facts))}</p>
${alert}<form method="post">
<input type="hidden" name="username" value="${escapeHtml(facts.email)}" autocomplete="username">
<label for="password">${escapeHtml(w.passwordLabel)}</label>
<input id="password" name="password" type="password" ${limits}>
<label for="repeat">${escapeHtml(w.repeatLabel)}</label>
<input id="repeat" name="repeat" type="password" ${limits}>
<button type="submit">${escapeHtml(w.submit)}</button>
</form>
<p class="muted">${escapeHtml(w.haveApp)} <a href="${escapeHtml(appLink)}">${escapeHtml(w.openApp)}</a></p>`;
  return { status: problem ? 400 : 200, html: page(w.formTitle(facts), body) };
}

export function donePage(facts: PageFacts, appLink: string): RenderedPage {
  const body = `<p>${escapeHtml(pageWords.doneText(facts))}</p>
<a class="app" href="${escapeHtml(appLink)}">${escapeHtml(pageWords.openApp)}</a>`;
  return { status: 200, html: page(pageWords.doneTitle, body) };
}

/** A link that cannot be used: 404 when it never was a link, 410 when it was and is no more. */
export function deadLinkPage(kind: keyof typeof pageWords.dead): RenderedPage {
  const words = pageWords.dead[kind];
  return { status: kind === 'unknown' ? 404 : 410, html: page(words.title, `<p>${escapeHtml(words.text)}</p>`) };
}
