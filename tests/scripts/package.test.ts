// npm run package: builds once (about a minute, the Node binaries are cached under .cache/), then runs the
// Linux executable as a user without Node would, and checks the Windows one is a valid x64 PE file with rehab in it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, parseEml, zipXml } from '../helpers/documents.js';
import { PROJECT_ROOT, fixturePath, runCli } from '../helpers/runCli.js';

const LINUX = join(PROJECT_ROOT, 'release/linux-x64/rehab');
const WINDOWS = join(PROJECT_ROOT, 'release/win-x64/rehab.exe');
const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs the executable with an environment that has no Node.js: an empty PATH and nothing inherited. */
function runExecutable(args: string[], cwd: string) {
  return spawnSync(LINUX, args, { cwd, encoding: 'utf8', env: { PATH: '/nonexistent', HOME: cwd, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run package failed:\n${build.stderr}`);
}, 600_000);

describe('npm run package', () => {
  it('the Linux executable runs without Node: --version, and prep on the demo data writes what the sources write', async () => {
    const version = runExecutable(['--version'], mkdtempSync(join(tmpdir(), 'rehab-sea-')));
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);

    const args = ['prep', '--data', fixturePath('demo'), '--config', fixturePath('demo', 'rehab.config.json'), '--as-of', '2027-02-01', '--meetings', fixturePath('demo', 'moten.csv'), '--json'];
    const seaOut = mkdtempSync(join(tmpdir(), 'rehab-sea-'));
    const fromExecutable = runExecutable([...args, '--out', seaOut], seaOut);
    expect(fromExecutable.stderr).toBe('');
    expect(fromExecutable.status).toBe(0);
    const sourceOut = mkdtempSync(join(tmpdir(), 'rehab-src-'));
    const fromSources = runCli([...args, '--out', sourceOut]);
    expect(fromSources.status).toBe(0);

    // Same files, same summary (the summary names the folder, which differs).
    const seaFiles = listFiles(join(seaOut, '2027-vår')).sort();
    expect(seaFiles).toEqual(listFiles(join(sourceOut, '2027-vår')).sort());
    expect(seaFiles.filter((path) => path.endsWith('.xlsx'))).toHaveLength(25);
    const summary = (text: string, out: string) => JSON.parse(text.split(out).join('OUT')) as unknown;
    expect(summary(fromExecutable.stdout, seaOut)).toEqual(summary(fromSources.stdout, sourceOut));

    // The document libraries work inside the bundle: every XML part of a workbook and a deck is the same,
    // except the creation time; the slide texts and mail templates come from the compiled-in templates.
    const workbook = seaFiles.find((path) => path.endsWith('.xlsx'))!;
    const deck = seaFiles.find((path) => path.startsWith('Ledningsgrupp/'))!;
    for (const file of [workbook, deck]) {
      const fromSea = await zipXml(join(seaOut, '2027-vår', file));
      const fromSrc = await zipXml(join(sourceOut, '2027-vår', file));
      expect([...fromSea.keys()].sort()).toEqual([...fromSrc.keys()].sort());
      for (const [part, xml] of fromSea) if (part !== 'docProps/core.xml') expect(xml, `${file}: ${part}`).toBe(fromSrc.get(part));
    }
    const deckText = [...(await zipXml(join(seaOut, '2027-vår', deck))).values()].join('\n');
    const themeTitle = /^titel: (.+)$/m.exec(readFileSync(join(PROJECT_ROOT, 'templates/ledningsgrupp/01-tema.md'), 'utf8'))![1]!;
    expect(deckText).toContain(themeTitle.trim().replace(/^"(.*)"$/, '$1'));
    const mail = parseEml(join(seaOut, '2027-vår', seaFiles.find((path) => path.endsWith('.eml'))!));
    expect(mail.defects).toBe(0);
    expect(mail.parts.some((part) => part.content?.includes('Som en del av förvaltningens arbete för att minska sjukfrånvaron'))).toBe(true);
  });

  it('a new user with the executable alone: init (the compiled-in templates, byte for byte), prep, aggregate', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehab-sea-init-'));
    const init = runExecutable(['init'], folder);
    expect(init.status).toBe(0);
    for (const path of listFiles(join(PROJECT_ROOT, 'templates'))) {
      expect(readFileSync(join(folder, 'mallar', path), 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, 'templates', path), 'utf8'));
    }
    // As the README says: the exports into export/, the config filled in, then prep and aggregate in that folder.
    for (const file of ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv']) copyFileSync(fixturePath('demo', file), join(folder, 'export', file));
    copyFileSync(fixturePath('demo', 'rehab.config.json'), join(folder, 'rehab.config.json'));
    copyFileSync(fixturePath('demo', 'moten.csv'), join(folder, 'moten.csv'));
    const prep = runExecutable(['prep', '--data', 'export', '--out', 'underlag', '--templates', 'mallar', '--meetings', 'moten.csv', '--as-of', '2027-02-01'], folder);
    expect(prep.status).toBe(0);
    expect(prep.stderr).toContain(`Filerna finns i ${join(folder, 'underlag', '2027-vår')}`);
    const aggregate = runExecutable(['aggregate', '--data', 'export', '--workbooks', 'underlag/2027-vår', '--out', 'underlag', '--as-of', '2027-02-01', '--json'], folder);
    expect(aggregate.stderr).toBe('');
    expect(aggregate.status).toBe(0);
    const analysis = listFiles(join(folder, 'underlag', '2027-vår analys'));
    expect(analysis).toEqual(expect.arrayContaining([
      'Analys av rehabiliteringsarbetet i förvaltningen 2027-vår.pptx', 'Analys av rehabiliteringsarbetet i förvaltningen 2027-vår.xlsx', 'manifest.json',
    ]));
  });

  it('the Windows executable is an x64 PE file with the SEA fuse set and rehab inside, and has its .cmd beside it', () => {
    const exe = readFileSync(WINDOWS);
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    const peOffset = exe.readUInt32LE(0x3c);
    expect(exe.subarray(peOffset, peOffset + 4).toString('latin1')).toBe('PE\0\0');
    expect(exe.readUInt16LE(peOffset + 4)).toBe(0x8664); // IMAGE_FILE_MACHINE_AMD64
    // postject flips the fuse from :0 to :1, which makes Node run the injected blob.
    expect(exe.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
    expect(exe.includes('rehab-reflektioner v1')).toBe(true);
    const cmd = readFileSync(join(PROJECT_ROOT, 'release/win-x64/Förbered omgången.cmd'), 'utf8');
    expect(cmd.split('\r\n').length).toBeGreaterThan(10);
    expect(cmd).toContain('rehab.exe prep --data export --out underlag --config rehab.config.json %MALLAR% %MOTEN%');
    expect(cmd).toContain('rehab.exe init .');
  });
});
