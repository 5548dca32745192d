/**
 * `GET /<slug>/openapi.json` and `/<slug>/openapi.yaml`: the provider's contract as the mock serves it, the
 * files of the specs package byte for byte (so a generator pointed at the mock gets what `@credit-apis/specs`
 * ships). Read on first request and kept: start-up does not pay for it. A provider that documents one of
 * these paths itself keeps its operation (the server routes operations first).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';

const CONTRACT_FILES: Readonly<Record<string, string>> = {
  '/openapi.json': 'application/json',
  '/openapi.yaml': 'application/yaml; charset=utf-8',
};

export function isContractPath(rest: string): boolean {
  return rest in CONTRACT_FILES;
}

export function createContractFiles(specsDir: string): (slug: string, rest: string) => Promise<PreparedResponse> {
  const cache = new Map<string, Promise<PreparedResponse>>();
  const load = async (slug: string, rest: string): Promise<PreparedResponse> => {
    try {
      const bytes = await readFile(join(specsDir, slug, rest.slice(1)));
      return {
        status: 200,
        headers: [
          'content-type',
          CONTRACT_FILES[rest] as string,
          'content-length',
          String(bytes.length),
          'x-content-type-options',
          'nosniff',
        ],
        body: bytes,
      };
    } catch {
      return prepare({
        status: 404,
        mediaType: 'application/problem+json',
        body: { type: 'about:blank', title: 'Not Found', status: 404, detail: `No ${rest.slice(1)} for ${slug} in the specs folder.` },
      });
    }
  };
  return (slug, rest) => {
    const key = `${slug}${rest}`;
    let answer = cache.get(key);
    if (!answer) cache.set(key, (answer = load(slug, rest)));
    return answer;
  };
}
