// `node scripts/check-node.mjs`: exit 0 silently when this Node satisfies package.json's
// engines.node, otherwise print one line naming the required version and how to get it, and exit 1.
// npm runs it before `start`, `build` and `bench` (prestart, prebuild, prebench); the entry points
// that scripts/postbuild.mjs writes run the same function inline. On an older Node,
// better-sqlite3 otherwise dies with SIGSEGV and no hint why.
// It must parse and run on old Node versions: syntax Node 14 understands, built-in modules only,
// no project code and no dependencies.
import { readFileSync, realpathSync } from 'fs';
import { fileURLToPath } from 'url';

/**
 * The line to print when `version` (process.versions.node) is older than `range`, or null when it
 * is not. Only the `>=X`, `>=X.Y` and `>=X.Y.Z` forms are understood; any other form throws.
 * Self-contained on purpose: scripts/postbuild.mjs inlines its source into the entry points.
 * @param {string} name the package name
 * @param {string} range engines.node
 * @param {string} version process.versions.node
 * @param {string} execPath process.execPath
 * @returns {string | null}
 */
export function nodeVersionProblem(name, range, version, execPath) {
  var m = /^\s*>=\s*v?(\d+)(?:\.(\d+)(?:\.(\d+))?)?\s*$/.exec(String(range));
  if (!m) {
    throw new Error('engines.node "' + range + '" is not of the form >=X.Y or >=X.Y.Z, the only form this Node version check understands');
  }
  var wanted = [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)];
  var have = String(version).split('.').map(function (part) { return parseInt(part, 10) || 0; });
  for (var i = 0; i < 3; i++) {
    var h = have[i] || 0;
    if (h > wanted[i]) return null;
    if (h < wanted[i]) {
      var minimum = range.replace(/^\s*>=\s*v?/, '').trim();
      return name + ' needs Node.js ' + range.trim() + ' (this is ' + version + ' at ' + execPath + '). ' +
        'Install Node ' + minimum + ' or newer, e.g. the current LTS from https://nodejs.org or with nvm: nvm install --lts';
    }
  }
  return null;
}

/** package.json's name and engines.node, read next to this script. */
export function requiredNode() {
  var pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  var range = pkg.engines && pkg.engines.node;
  if (typeof range !== 'string') throw new Error('package.json has no engines.node');
  return { name: pkg.name, range: range };
}

/** Whether the module at `moduleUrl` (its import.meta.url) is the script node was started with. */
export function isMain(moduleUrl) {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
  } catch (err) {
    return false;
  }
}

if (isMain(import.meta.url)) {
  var problem;
  try {
    var required = requiredNode();
    problem = nodeVersionProblem(required.name, required.range, process.versions.node, process.execPath);
  } catch (err) {
    process.stderr.write('scripts/check-node.mjs: ' + err.message + '\n');
    process.exit(2);
  }
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}
