/**
 * `/docs/…`: the built reference docs (`dist/docs/`), when they exist. Read-only static files with their
 * content types; `..`, encoded separators and anything that resolves outside the folder get a 404. Only
 * regular files whose real path (symbolic links followed) is under the folder's real path are served: a
 * link out of the folder is a 404, and a FIFO, socket or device is refused without being opened (opening a
 * FIFO for reading would wait for a writer forever).
 */
import { constants, existsSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.yaml': 'application/yaml',
};

export function docsAvailable(docsDir: string): boolean {
  return existsSync(join(docsDir, 'index.html'));
}

function notFound(): PreparedResponse {
  return prepare({
    status: 404,
    mediaType: 'application/problem+json',
    body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such docs file.' },
  });
}

/** `relative` is the path after `/docs`, still percent-encoded. */
export async function serveDocs(docsDir: string, relative: string): Promise<PreparedResponse> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return notFound();
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return notFound();
  let root: string;
  try {
    root = await realpath(resolve(docsDir));
  } catch {
    return notFound();
  }
  let file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== root && !file.startsWith(root + sep)) return notFound();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const bytes = await readRegularFileUnder(root, file);
    if (!bytes) return notFound();
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return {
      status: 200,
      headers: ['content-type', type, 'content-length', String(bytes.length), 'x-content-type-options', 'nosniff'],
      body: bytes,
    };
  } catch {
    return notFound();
  }
}

/** The bytes of `file` if its real path is a regular file under `root` (a real path), else `undefined`. */
async function readRegularFileUnder(root: string, file: string): Promise<Buffer | undefined> {
  const real = await realpath(file);
  if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return undefined;
  // O_NONBLOCK: should the file have become a FIFO since, opening it still does not wait; fstat then refuses it.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
