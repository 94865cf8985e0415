// Generates static protobufjs code for every contract package, proto/<package>/<version>/*.proto:
//   saga (the envelope and reply every saga type shares) -> src/contracts/generated/saga.<version>.{js,d.ts}
//   any other package (one per saga type)                -> sagas/<package>/contracts/generated/<package>.<version>.{js,d.ts}
// Usage: node scripts/gen-contracts.mjs [outRoot]   (outRoot defaults to the repository root)
// The staleness test runs it into a temporary directory and compares the bytes of every file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = resolve(process.argv[2] ?? root);
const protoDir = join(root, 'proto');
const pbjs = join(root, 'node_modules/protobufjs-cli/bin/pbjs');

/** Where a package's generated code lives, relative to the repository root. */
export function generatedDir(pkg) {
  return pkg === 'saga' ? 'src/contracts/generated' : `sagas/${pkg}/contracts/generated`;
}

for (const pkg of readdirSync(protoDir).sort()) {
  for (const version of readdirSync(join(protoDir, pkg)).sort()) {
    const dir = join(protoDir, pkg, version);
    const protos = readdirSync(dir).filter((f) => f.endsWith('.proto')).sort().map((f) => join(dir, f));
    if (protos.length === 0) continue;
    const outDir = join(outRoot, generatedDir(pkg));
    mkdirSync(outDir, { recursive: true });
    execFileSync(
      process.execPath,
      [
        pbjs,
        '--target', 'static-module',
        '--wrap', 'esm',
        // A root of its own per package: two packages that both import saga/v1/common.proto do not
        // register its types twice in one shared root.
        '--root', `${pkg}_${version}`,
        // int64 money fields decode as plain numbers; the edges refuse amounts above 2^53 - 1.
        '--force-number',
        // Node's ESM loader needs the file extension: protobufjs has no "exports" map.
        '--dependency', 'protobufjs/minimal.js',
        '--path', protoDir,
        '--out', join(outDir, `${pkg}.${version}.js`),
        '--dts',
        '--no-verify', '--no-delimited', '--no-typeurl', '--no-service',
        ...protos,
      ],
      { cwd: protoDir, stdio: 'inherit' },
    );
  }
}
