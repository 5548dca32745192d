/**
 * The API-client collections of one provider, generated from its bundle (`pnpm generate` writes them under
 * generated/<slug>/, the drift test compares them):
 *   postman_collection.json             Postman collection v2.1 (newman runs it against the mock in a test)
 *   postman_environment.<env>.json      one per documented host, and `mock`
 *   bruno/                              the same collection as a Bruno folder (.bru files)
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { JsonObject } from '@credit-apis/contract-core';
import { brunoFiles } from './bruno.js';
import { readCollectionModel } from './read.js';
import { postmanCollection, postmanEnvironment } from './postman.js';

export interface GeneratedFile {
  /** Relative to generated/<slug>/, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

/** Folders that belong to the collections whole: a file in them that is not generated is stale. */
const COLLECTION_DIRS = ['bruno'] as const;

/** Files at the top of generated/<slug>/ that belong to the collections. */
function isCollectionFile(name: string): boolean {
  return name === 'postman_collection.json' || /^postman_environment\..+\.json$/.test(name);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function generateCollections(slug: string, bundleText: string): GeneratedFile[] {
  const model = readCollectionModel(slug, JSON.parse(bundleText) as JsonObject);
  return [
    { path: 'postman_collection.json', text: json(postmanCollection(model)) },
    ...model.environments.map((environment) => ({
      path: `postman_environment.${environment.id}.json`,
      text: json(postmanEnvironment(model, environment)),
    })),
    ...brunoFiles(model).map((file) => ({ path: `bruno/${file.path}`, text: file.text })),
  ];
}

/** The collection files now under generated/<slug>/ (relative paths, sorted): what the drift test compares. */
export function listCollectionFiles(generatedDir: string): string[] {
  const top = existsSync(generatedDir) ? readdirSync(generatedDir).filter(isCollectionFile) : [];
  const nested = COLLECTION_DIRS.flatMap((dir) => {
    const root = join(generatedDir, dir);
    if (!existsSync(root)) return [];
    return (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => relative(generatedDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  });
  return [...top, ...nested].sort();
}

/** Removes the folders left empty under `dir` (a renamed tag's old folder), `dir` itself included. */
function pruneEmptyDirs(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) pruneEmptyDirs(join(dir, entry.name));
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

/** Writes the files and deletes the collection files (and folders) a previous run left that this one no longer makes. */
export function writeCollections(generatedDir: string, files: readonly GeneratedFile[]): void {
  const wanted = new Set(files.map((file) => file.path));
  for (const stale of listCollectionFiles(generatedDir).filter((path) => !wanted.has(path))) rmSync(join(generatedDir, stale));
  for (const dir of COLLECTION_DIRS) pruneEmptyDirs(join(generatedDir, dir));
  for (const file of files) {
    const target = join(generatedDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
