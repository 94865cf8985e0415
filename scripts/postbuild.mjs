// After tsc: copy the SQL migrations next to the compiled code and write the four entry points
// at dist/bin/<name>.js (tsc puts the compiled sources under dist/src/ because sagas/ sits beside src/).
// Each entry point first checks the Node version (package.json's engines.node, baked in here) and
// only then imports the real module: on an older Node it prints one line and exits 1 before
// anything loads better-sqlite3 (which would die with SIGSEGV).
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, nodeVersionProblem, requiredNode } from './check-node.mjs';

/**
 * The source of dist/bin/<name>.js. Plain JavaScript an old Node can parse up to the check; the
 * check is scripts/check-node.mjs's own function, inlined.
 * @param {string} name the entry point, e.g. 'orchestrator'
 * @param {{ name: string, range: string }} required package.json's name and engines.node
 */
export function entryPointSource(name, required) {
  // Fails the build here, not at start-up, on an engines.node form the check does not understand.
  nodeVersionProblem(required.name, required.range, process.versions.node, process.execPath);
  return [
    '#!/usr/bin/env node',
    '// Written by scripts/postbuild.mjs. On a Node older than package.json\'s engines.node, stop with one',
    '// line (scripts/check-node.mjs) before the real entry point loads anything.',
    `const problem = (${nodeVersionProblem.toString()})(${JSON.stringify(required.name)}, ${JSON.stringify(required.range)}, process.versions.node, process.execPath);`,
    'if (problem) {',
    "  process.stderr.write(problem + '\\n');",
    '  process.exit(1);',
    '}',
    `await import('../src/bin/${name}.js');`,
    '',
  ].join('\n');
}

/**
 * Write <binDir>/<name>.js for every <name>.ts in srcBinDir.
 * @param {string} srcBinDir
 * @param {string} binDir
 * @param {{ name: string, range: string }} [required]
 */
export function writeEntryPoints(srcBinDir, binDir, required = requiredNode()) {
  mkdirSync(binDir, { recursive: true });
  for (const file of readdirSync(srcBinDir)) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
    const name = file.replace(/\.ts$/, '');
    writeFileSync(join(binDir, `${name}.js`), entryPointSource(name, required));
  }
}

if (isMain(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = join(root, 'dist');
  cpSync(join(root, 'migrations'), join(dist, 'migrations'), { recursive: true });
  writeEntryPoints(join(root, 'src/bin'), join(dist, 'bin'));
}
