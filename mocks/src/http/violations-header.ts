/**
 * The `sl-violations` header, as Prism's server writes it: the request's (or the proxied answer's)
 * violations as a JSON array, cut at 8 KB. Header values must be Latin-1 (Node refuses anything else) and
 * field names come from the client, so every character outside printable ASCII is written as a JSON
 * `\u` escape: the value stays valid JSON.
 */
const MAX = 8 * 1024 - 100;

export function violationsHeader(
  violations: readonly { readonly location: readonly (string | number)[]; readonly message: string; readonly severity?: string }[],
): string {
  const listed = JSON.stringify(violations).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return listed.length > MAX ? `Too many violations! ${listed.slice(0, MAX)}` : listed;
}
