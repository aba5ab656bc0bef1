/**
 * Plain text for a notification server that reads simple HTML-like markup
 * (most Linux ones): a caller named `<a href=…>` must show as those
 * characters, not as a link.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
