/**
 * The contract changes as a changeset: the bump they call for and the Markdown that `changeset version` puts
 * in the provider's CHANGELOG entry. A change seen at the same place in several operations (a shared schema)
 * is one line that names them all.
 */
import type { ContractChange } from './diff.js';

export type Bump = 'major' | 'minor' | 'patch';

/**
 * Breaking → major (minor while the package is 0.x, where a caret range only takes patches); anything else →
 * minor (patch while 0.x).
 */
export function bumpFor(changes: ContractChange[], version: string): Bump | undefined {
  if (changes.length === 0) return undefined;
  const stable = !version.startsWith('0.');
  if (changes.some((change) => change.breaking)) return stable ? 'major' : 'minor';
  return stable ? 'minor' : 'patch';
}

/** `where` with the field path in code: `response 200 (application/json) \`data[].name\``. */
function formatWhere(where: string): string {
  const match = /^(.*\))\s(\S.*)$/.exec(where) ?? /^(\w+ parameter|response \S+ header)\s(\S.*)$/.exec(where);
  return match ? `${match[1]} \`${match[2]}\`` : where;
}

function lines(changes: ContractChange[]): string[] {
  const groups = new Map<string, { change: ContractChange; operations: string[] }>();
  for (const change of changes) {
    const key = change.where === '' ? `${change.operation}\u0000${change.what}` : `${change.where}\u0000${change.what}`;
    const group = groups.get(key);
    if (group) group.operations.push(change.operation);
    else groups.set(key, { change, operations: [change.operation] });
  }
  return [...groups.values()].map(({ change, operations }) => {
    const names = operations.map((operation) => `\`${operation}\``).join(', ');
    return change.where === '' ? `- ${names}: ${change.what}` : `- ${names} ${formatWhere(change.where)}: ${change.what}`;
  });
}

export interface SectionOptions {
  /** The provider's display name or slug. */
  provider: string;
  /** What the changes are measured from: `@credit-apis/zemo@0.2.0`. */
  since: string;
  /** The bundle's path in the repository. */
  bundle: string;
}

/** The CHANGELOG text: one summary line, then the breaking changes, then the others. */
export function contractSection(changes: ContractChange[], { provider, since, bundle }: SectionOptions): string {
  const breaking = changes.filter((change) => change.breaking);
  const other = changes.filter((change) => !change.breaking);
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const out = [
    `Contract changes since ${since} (${provider}, \`${bundle}\`): ${count(breaking.length, 'breaking change')}, ${count(other.length, 'other change')}.`,
  ];
  if (breaking.length > 0) out.push('', '**Breaking**', '', ...lines(breaking));
  if (other.length > 0) out.push('', '**Other changes**', '', ...lines(other));
  return `${out.join('\n')}\n`;
}

/** A changeset file: front matter naming each package and its bump, then the section. */
export function changesetFile(bumps: Record<string, Bump>, section: string): string {
  const lines = Object.entries(bumps).map(([name, bump]) => `'${name}': ${bump}`);
  return `---\n${lines.join('\n')}\n---\n\n${section}`;
}
