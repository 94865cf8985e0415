// An older Node than package.json's engines.node gets one clear line, before anything is built or
// started: from scripts/check-node.mjs (npm's prestart/prebuild/prebench) and from the entry points
// scripts/postbuild.mjs writes (dist/bin/<name>.js). Without it, better-sqlite3 dies with SIGSEGV.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../scripts/check-node.mjs';
import { writeEntryPoints } from '../../scripts/postbuild.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; engines: { node: string } };
const RANGE = pkg.engines.node;
const CHECK = join(ROOT, 'scripts/check-node.mjs');

/** The machine's own Node (older than the range here), or why it cannot serve as the old Node. */
const OLD_NODE = '/usr/bin/node';
function oldNodeUnusable(): string | null {
  if (!existsSync(OLD_NODE)) return `${OLD_NODE} is missing`;
  const r = spawnSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const version = r.stdout.trim();
  if (r.status !== 0 || !version) return `${OLD_NODE} does not run`;
  if (nodeVersionProblem(pkg.name, RANGE, version, OLD_NODE) === null) return `${OLD_NODE} is ${version}, not older than ${RANGE}`;
  return null;
}
const oldNodeSkip = oldNodeUnusable();

/** The one line an older Node must print: the required range, its own version and path, how to get a newer one. */
function expectTheLine(stderr: string) {
  const lines = stderr.split('\n');
  expect(lines.at(-1)).toBe(''); // ends with a newline
  expect(lines.slice(0, -1)).toHaveLength(1);
  // e.g. saga-orchestrator needs Node.js >=22.15 (this is 20.20.2 at /usr/bin/node). Install Node 22.15 or newer, ...
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const minimum = RANGE.replace(/^>=/, '');
  expect(lines[0]).toMatch(
    new RegExp(
      `^${escape(pkg.name)} needs Node\\.js ${escape(RANGE)} \\(this is \\d+\\.\\d+\\.\\d+ at /usr/bin/node\\)\\. ` +
        `Install Node ${escape(minimum)} or newer, e\\.g\\. the current LTS from https://nodejs\\.org or with nvm: nvm install --lts$`,
    ),
  );
}

describe('nodeVersionProblem', () => {
  it('compares major, minor and patch against >=X.Y and >=X.Y.Z', () => {
    const at = (range: string, version: string) => nodeVersionProblem('app', range, version, '/bin/node');
    expect(at('>=22.15', '22.14.9')).toBe(
      'app needs Node.js >=22.15 (this is 22.14.9 at /bin/node). Install Node 22.15 or newer, e.g. the current LTS from https://nodejs.org or with nvm: nvm install --lts',
    );
    expect(at('>=22.15', '20.20.2')).toMatch(/^app needs Node\.js >=22\.15 \(this is 20\.20\.2 at \/bin\/node\)\./);
    expect(at('>=22.15', '9.99.99')).not.toBeNull();
    for (const ok of ['22.15.0', '22.15.1', '22.16.0', '24.0.0', '100.0.0']) expect(at('>=22.15', ok)).toBeNull();
    expect(at('>=22.15.3', '22.15.2')).not.toBeNull();
    expect(at('>=22.15.3', '22.15.3')).toBeNull();
    expect(at('>=22', '21.99.0')).not.toBeNull();
    expect(at('>=22', '22.0.0')).toBeNull();
    expect(at(' >= 22.15 ', '22.15.0')).toBeNull();
  });

  it('refuses a range form it does not understand instead of guessing', () => {
    for (const range of ['^22.15', '22.x', '>=22.15 <25', '>=20 || >=22', '~22.15', '>22.15', '>=22.15.0-rc.1', '']) {
      expect(() => nodeVersionProblem('app', range, '24.0.0', '/bin/node'), range).toThrow(/not of the form >=X\.Y or >=X\.Y\.Z/);
    }
  });

  it('understands the engines.node that package.json declares', () => {
    expect(() => nodeVersionProblem(pkg.name, RANGE, process.versions.node, process.execPath)).not.toThrow();
  });
});

describe('scripts/check-node.mjs', () => {
  it('on an older Node: one line naming the required version on stderr, nothing on stdout, exit 1', (ctx) => {
    ctx.skip(oldNodeSkip !== null, `no older Node to try: ${oldNodeSkip}`);
    const r = spawnSync(OLD_NODE, [CHECK], { encoding: 'utf8', cwd: tmpdir() });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expectTheLine(r.stderr);
  });

  it('on this Node (inside the range): silent, exit 0', () => {
    const r = spawnSync(process.execPath, [CHECK], { encoding: 'utf8', cwd: tmpdir() });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('runs before start, build and bench (npm pre-scripts)', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'build', 'bench']) expect(scripts[`pre${name}`], `pre${name}`).toBe('node scripts/check-node.mjs');
  });
});

describe('entry points written by scripts/postbuild.mjs', () => {
  // postbuild's own writeEntryPoints, into a scratch tree shaped like dist/ whose real modules are
  // stand-ins that report they were loaded (the real ones would load better-sqlite3).
  const dir = mkdtempSync(join(tmpdir(), 'saga-entry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  mkdirSync(join(dir, 'src/bin'), { recursive: true });
  writeEntryPoints(join(ROOT, 'src/bin'), join(dir, 'bin'), { name: pkg.name, range: RANGE });
  const entries = readdirSync(join(dir, 'bin')).map((f) => f.replace(/\.js$/, ''));
  for (const name of entries) {
    writeFileSync(join(dir, 'src/bin', `${name}.js`), `process.stdout.write('loaded ${name} ' + process.argv.slice(2).join(','));\n`);
  }

  it('exist for every src/bin entry and import the real module', () => {
    expect(entries.sort()).toEqual(['check-sagas', 'inventory', 'migrate-store', 'orchestrator', 'payment', 'replay', 'shipping', 'travel']);
    const source = readFileSync(join(dir, 'bin/orchestrator.js'), 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(source).toContain("await import('../src/bin/orchestrator.js');");
  });

  it('on an older Node: the same one line, exit 1, and the real module is never loaded', (ctx) => {
    ctx.skip(oldNodeSkip !== null, `no older Node to try: ${oldNodeSkip}`);
    for (const name of entries) {
      const r = spawnSync(OLD_NODE, [join(dir, 'bin', `${name}.js`)], { encoding: 'utf8' });
      expect(r.status, name).toBe(1);
      expect(r.stdout, name).toBe('');
      expectTheLine(r.stderr);
    }
  });

  it('on this Node: loads the real module, with its arguments', () => {
    const r = spawnSync(process.execPath, [join(dir, 'bin/orchestrator.js'), 'a', 'b'], { encoding: 'utf8' });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: 'loaded orchestrator a,b', stderr: '' });
  });
});
