/**
 * botocore documentation (HTML fragments) -> the Markdown the specs carry in `description`.
 * turndown does the conversion; this module only fixes the options so output is stable.
 */
import TurndownService from 'turndown';

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '_',
});

/** HTML documentation -> one-paragraph-per-block Markdown; undefined when empty. */
export function docText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const text = turndown
    .turndown(html)
    // turndown keeps the model's double spaces and trailing blanks; the specs fold lines anyway.
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/** The first sentence, for an operation's `summary`. */
export function firstSentence(text: string): string {
  const firstBlock = text.split('\n')[0]!;
  const match = /^(.*?[.!?])(\s|$)/.exec(firstBlock);
  return match ? match[1]! : firstBlock;
}
