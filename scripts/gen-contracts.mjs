// Generates src/contracts/generated/contracts.{js,d.ts} from proto/**/*.proto with protobufjs-cli.
// Usage: node scripts/gen-contracts.mjs [outDir]   (outDir defaults to src/contracts/generated)
// The staleness test runs it into a temporary directory and compares the bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'src/contracts/generated'));
const protoDir = join(root, 'proto');
const protos = readdirSync(join(protoDir, 'saga/v1'))
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, 'saga/v1', f));

mkdirSync(outDir, { recursive: true });
const pbjs = join(root, 'node_modules/protobufjs-cli/bin/pbjs');
execFileSync(
  process.execPath,
  [
    pbjs,
    '--target', 'static-module',
    '--wrap', 'esm',
    // int64 money fields decode as plain numbers; the edges refuse amounts above 2^53 - 1.
    '--force-number',
    // Node's ESM loader needs the file extension: protobufjs has no "exports" map.
    '--dependency', 'protobufjs/minimal.js',
    '--path', protoDir,
    '--out', join(outDir, 'contracts.js'),
    '--dts',
    '--no-verify', '--no-delimited', '--no-typeurl', '--no-service',
    ...protos,
  ],
  { cwd: protoDir, stdio: 'inherit' },
);
