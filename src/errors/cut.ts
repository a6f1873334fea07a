/**
 * Shortens text a server chose before it goes into an error message: a hostile or broken
 * server can send a megabyte `message`, and an error message is printed, logged and sent to
 * error trackers whole. The full text stays on the error (`body`), so nothing is lost.
 */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Never split a surrogate pair: the cut text must stay well-formed UTF-16.
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… [${text.length - end} more characters cut]`;
}

/** Most characters of a server-provided message kept in `error.message` (a few KB). */
export const MESSAGE_LIMIT = 4096;
