// After tsc: copy the SQL migrations next to the compiled code and write the four entry points
// at dist/bin/<name>.js (tsc puts the compiled sources under dist/src/ because sagas/ sits beside src/).
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
cpSync(join(root, 'migrations'), join(dist, 'migrations'), { recursive: true });
mkdirSync(join(dist, 'bin'), { recursive: true });
for (const file of readdirSync(join(root, 'src/bin'))) {
  if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
  const name = file.replace(/\.ts$/, '');
  writeFileSync(join(dist, 'bin', `${name}.js`), `#!/usr/bin/env node\nimport '../src/bin/${name}.js';\n`);
}
