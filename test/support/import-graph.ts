// The project's own import graph, for the dependency rules in test/unit/dependencies.test.ts.
// Hand-written rather than dependency-cruiser or an ESLint boundaries rule: both parse TypeScript
// through the `typescript` package's JavaScript API, which TypeScript 7 (the native compiler this
// project uses) no longer ships. Import statements here are plain enough for a scan.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One relative import: from a file to the file it names, both relative to the root, with `/`. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** Every relative module specifier in `source`: static imports and re-exports, side-effect and dynamic imports. */
export function importSpecifiers(source: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /(?:^|[\n;])\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) specs.push(m[1]!);
  return specs.filter((s) => s.startsWith('.'));
}

/** The .ts files under `dirs` (relative to `root`), generated code excluded. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'generated' && name !== 'node_modules') walk(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out.sort();
}

/** The relative imports of `files` (relative to `root`), read from disk unless `read` says otherwise. */
export function importEdges(root: string, files: readonly string[], read: (file: string) => string = (f) => readFileSync(join(root, f), 'utf8')): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const spec of importSpecifiers(read(from))) {
      const to = relative(root, resolve(root, dirname(from), spec)).split(sep).join('/');
      edges.push({ from, to });
    }
  }
  return edges;
}

/**
 * A rule: files matching `from` may not import files matching any of `not`, except the pairs in
 * `allowed` (known violations, each with the issue that removes it).
 */
export interface DependencyRule {
  name: string;
  from: RegExp;
  not: RegExp[];
  allowed?: readonly { from: string; to: string; until: string }[];
}

/** The edges that break a rule, as "<rule>: <from> -> <to>" lines. */
export function violations(edges: readonly ImportEdge[], rules: readonly DependencyRule[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    for (const e of edges) {
      if (!rule.from.test(e.from) || !rule.not.some((n) => n.test(e.to))) continue;
      if (rule.allowed?.some((a) => a.from === e.from && a.to === e.to)) continue;
      out.push(`${rule.name}: ${e.from} -> ${e.to}`);
    }
  }
  return out;
}
