/**
 * The `Prefer` header as Prism reads it (prism-http-server's getHttpConfigFromRequest with
 * parse-prefer-header): comma-separated preferences, `name=value` or bare `name`, values optionally
 * quoted, names case-insensitive, the first occurrence wins. `code` must be three digits and `dynamic`
 * `true` or `false`. Without a `Prefer` header, the query parameters `__code`, `__example` and `__dynamic`
 * say the same (handy from a browser, where a custom header costs a preflight).
 */
export interface Preference {
  readonly code?: number;
  readonly example?: string;
  readonly dynamic?: boolean;
}

export type PreferenceResult = { ok: true; preference: Preference } | { ok: false; detail: string };

const NONE: PreferenceResult = { ok: true, preference: {} };

function parseHeader(header: string): Map<string, string> {
  const found = new Map<string, string>();
  // Commas separate preferences and semicolons their parameters, except inside quotes.
  for (const preference of header.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    for (const part of preference.match(/(?:[^;"]|"[^"]*")+/g) ?? []) {
      const equals = part.indexOf('=');
      const name = (equals === -1 ? part : part.slice(0, equals)).trim().toLowerCase();
      let value = equals === -1 ? 'true' : part.slice(equals + 1).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (name && !found.has(name)) found.set(name, value);
    }
  }
  return found;
}

function decode(values: { code?: string | undefined; example?: string | undefined; dynamic?: string | undefined }): PreferenceResult {
  const preference: { code?: number; example?: string; dynamic?: boolean } = {};
  if (values.code !== undefined) {
    if (!/^\d{3}$/.test(values.code)) return { ok: false, detail: `Prefer code must be a three-digit status code, got "${values.code}".` };
    preference.code = Number(values.code);
  }
  if (values.dynamic !== undefined) {
    if (values.dynamic !== 'true' && values.dynamic !== 'false')
      return { ok: false, detail: `Prefer dynamic must be true or false, got "${values.dynamic}".` };
    preference.dynamic = values.dynamic === 'true';
  }
  if (values.example !== undefined) preference.example = values.example;
  return { ok: true, preference };
}

export function readPreference(header: string | string[] | undefined, query: URLSearchParams | undefined): PreferenceResult {
  if (header !== undefined && header.length > 0) {
    // Several Prefer headers are one list (RFC 7240), as Node joins them.
    const found = parseHeader(Array.isArray(header) ? header.join(',') : header);
    if (!found.has('code') && !found.has('example') && !found.has('dynamic')) return NONE;
    return decode({ code: found.get('code'), example: found.get('example'), dynamic: found.get('dynamic') });
  }
  if (!query) return NONE;
  const code = query.get('__code') ?? undefined;
  const example = query.get('__example') ?? undefined;
  const dynamic = query.get('__dynamic') ?? undefined;
  if (code === undefined && example === undefined && dynamic === undefined) return NONE;
  return decode({ code, example, dynamic });
}
