/**
 * The import-boundary rule: no import in a workspace package (its sources, tests, scripts, examples) reaches
 * into another package by relative path — not `../../../scripts/…`, not `../../../generated/…`, not another
 * package's `src/` or `test/`. Code is shared through packages imported by name.
 *
 * Every import form counts: `import … from`, `import type`, `export … from`, `import()` with a literal,
 * `require()`, JSON imports (`with { type: 'json' }`). Imports are read with TypeScript's own pre-processor,
 * so comments and strings that merely look like imports are not taken for them.
 *
 * A file belongs to the package of the nearest `package.json` above it (the repository's root package owns
 * `scripts/`, `specs/` and `generated/`); an import crosses a root when its target belongs to another one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface CrossRootImport {
  /** The importing file, relative to the root scanned (`/` separators). */
  file: string;
  /** The specifier as written (`../../../scripts/lib/x.js`). */
  specifier: string;
  /** The package folders of the file and of the target, relative to the root (`.` for the root package). */
  from: string;
  to: string;
}

const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'coverage']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The specifiers a file imports, every form (see the module's comment). */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** Every relative import under `root` whose target belongs to another package than the file. */
export function findCrossRootImports(root: string): CrossRootImport[] {
  const top = resolve(root);
  const owners = new Map<string, string>();
  const ownerOf = (dir: string): string => {
    const cached = owners.get(dir);
    if (cached !== undefined) return cached;
    const owner = dir === top || !dir.startsWith(`${top}${sep}`) || existsSync(join(dir, 'package.json')) ? dir : ownerOf(dirname(dir));
    owners.set(dir, owner);
    return owner;
  };
  const name = (path: string): string => relative(top, path).split(sep).join('/') || '.';

  const found: CrossRootImport[] = [];
  for (const file of sourceFiles(top)) {
    const from = ownerOf(dirname(file));
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const to = ownerOf(dirname(resolve(dirname(file), specifier)));
      // The target file itself may be a package.json-holding folder (`import '../other'`): its owner is itself.
      const target = resolve(dirname(file), specifier);
      const toOwner = existsSync(join(target, 'package.json')) ? target : to;
      if (toOwner !== from) found.push({ file: name(file), specifier, from: name(from), to: name(toOwner) });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.specifier.localeCompare(b.specifier));
}

/** One line per crossing: `packages/a/test/x.ts → ../../b/src/y.js (packages/a → packages/b)`. */
export function describeCrossing(crossing: CrossRootImport): string {
  return `${crossing.file} → ${crossing.specifier} (${crossing.from} → ${crossing.to})`;
}
