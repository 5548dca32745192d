/**
 * Renders an operation's `x-doc-quirks` (specs/README.md: `{where, documented, chosen}`) as Markdown for its
 * description. Redoc shows unknown extensions only as raw JSON (`showExtensions`), which a partner cannot
 * read; a short list under the operation's description says what the provider's document showed and what
 * the contract chose instead.
 */
import { isObject, type Json } from '@credit-apis/contract-core';

export const QUIRKS_HEADING = "Notes on the provider's documentation";

export interface DocQuirk {
  where: string;
  documented: string;
  chosen: string;
}

export function readQuirks(value: Json | undefined): DocQuirk[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((quirk) => ({
    where: String(quirk.where ?? ''),
    documented: String(quirk.documented ?? ''),
    chosen: String(quirk.chosen ?? ''),
  }));
}

/**
 * One line of prose: block scalars in the YAML wrap sentences over lines, and a list item must stay one
 * line. `<`, `>` and `&` are escaped outside code spans because Redoc renders raw HTML in Markdown (a
 * documented `<basic_token>` would vanish as an unknown tag); inside backticks they are already literal.
 */
function inline(text: string): string {
  return text
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? part
        : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}

export function quirksMarkdown(quirks: DocQuirk[]): string {
  if (quirks.length === 0) return '';
  const items = quirks.map(
    (quirk) =>
      `- **${inline(quirk.where.includes('`') ? quirk.where : `\`${quirk.where}\``)}**\n  - *Documented:* ${inline(quirk.documented)}\n  - *Chosen:* ${inline(quirk.chosen)}`,
  );
  return [
    `#### ${QUIRKS_HEADING}`,
    '',
    "Where the provider's document is ambiguous or wrong, this contract records what it shows and the reading chosen (`x-doc-quirks`):",
    '',
    ...items,
  ].join('\n');
}
