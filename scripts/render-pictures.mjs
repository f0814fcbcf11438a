// node scripts/render-pictures.mjs: the pictures of the user guide (docs/bilder/*.png), made from the demo
// outputs (npm run demo) by LibreOffice and pdftoppm, as a user would see them. It records in
// docs/bilder/kallor.json the sha256 of every template and renderer the pictures show; tests/docs/pictures.test.ts
// recomputes it, so a change to a template or renderer without new pictures fails the tests.
//
//   npm run pictures            (runs the demo first; needs soffice and pdftoppm, as the document tests do)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pictures = join(root, 'docs', 'bilder');
const round = join(root, 'out', '2027-vår');
const analysis = join(root, 'out', '2027-vår analys');

/** The sources the pictures show: what the documents say (templates) and how they are laid out (renderers). */
export const PICTURE_SOURCE_FOLDERS = ['templates', 'src/render'];

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

/** sha256 of each source file, line endings normalised (a Windows checkout must give the same hash). */
function sourceHashes() {
  const files = PICTURE_SOURCE_FOLDERS.flatMap((folder) => filesUnder(join(root, folder)))
    .map((file) => relative(root, file).split('\\').join('/'))
    .sort();
  return Object.fromEntries(files.map((file) => [file, createHash('sha256').update(readFileSync(join(root, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex')]));
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} avslutades med kod ${result.status}`);
}

/** The manager with the most material in the demo (the largest workbook): a page with cases, not an empty one. */
function richestManagerFolder() {
  const managers = join(round, 'Chefer');
  const workbookOf = (folder) => documentIn(join(managers, folder), /^Alt\.? ?1\b.*\.xlsx$/);
  return readdirSync(managers)
    .filter((folder) => workbookOf(folder) !== null)
    .sort((a, b) => statSync(workbookOf(b)).size - statSync(workbookOf(a)).size || (a < b ? -1 : 1))
    .map((folder) => join(managers, folder))[0];
}

/** The one file of a folder whose name matches (file names carry the manager's name). */
function documentIn(folder, pattern) {
  const name = readdirSync(folder).find((file) => pattern.test(file));
  return name === undefined ? null : join(folder, name);
}

function required(path, what) {
  if (path === null) throw new Error(`Hittar inte ${what} i demons utdata`);
  return path;
}

function toPdf(source, work, name) {
  const copy = join(work, `${name}${source.slice(source.lastIndexOf('.'))}`);
  copyFileSync(source, copy);
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'lo-profil')}`, '--convert-to', 'pdf', '--outdir', work, copy]);
  const pdf = join(work, `${name}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice gjorde ingen PDF av ${source}`);
  return pdf;
}

/**
 * The page whose title (its first two lines: a long title wraps) starts with `title`, or matches it when it is
 * a RegExp (the leadership deck's titles state the finding, e.g. "Boendestöd: sjukfrånvaron har minskat …").
 * Pages are found by what they show, not by number.
 */
function pageWithTitle(pdf, title) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  for (let page = 1; page <= pages; page += 1) {
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
    const heading = text.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')).filter(Boolean).slice(0, 2).join(' ');
    if (typeof title === 'string' ? heading.startsWith(title) : title.test(heading)) return page;
  }
  throw new Error(`Ingen sida i ${pdf} börjar med "${title}"`);
}

/** One page as a PNG; a wide spreadsheet page is shown sharper and only its top part (topShare), where the content is. */
function picture(pdf, title, name, { dpi = 60, topShare = 1 } = {}) {
  const page = pageWithTitle(pdf, title);
  const target = join(pictures, name);
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
  const [, width, height] = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const crop = ['-x', '0', '-y', '0', '-W', String(Math.round((Number(width) / 72) * dpi)), '-H', String(Math.round((Number(height) / 72) * dpi * topShare))];
  run('pdftoppm', ['-png', '-r', String(dpi), ...crop, '-f', String(page), '-l', String(page), '-singlefile', pdf, target]);
  log(`  docs/bilder/${name}.png  (${String(title)}, sida ${page})`);
  return `${name}.png`;
}

function main() {
  if (!process.argv.includes('--utan-demo')) {
    log('Kör demot (npm run demo) …');
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'demo'], { cwd: root, shell: process.platform === 'win32' });
  }
  const work = mkdtempSync(join(tmpdir(), 'rehab-bilder-'));
  rmSync(pictures, { recursive: true, force: true });
  mkdirSync(pictures, { recursive: true });
  try {
    const manager = richestManagerFolder();
    const documents = {
      workbook: toPdf(required(documentIn(manager, /^Alt\.? ?1\b.*\.xlsx$/), 'Alt. 1'), work, 'alt1'),
      managerDeck: toPdf(required(documentIn(manager, /^Alt\.? ?2\b.*\.pptx$/), 'Alt. 2'), work, 'alt2'),
      managementDeck: toPdf(required(documentIn(join(round, 'Ledningsgrupp'), /Boendestöd\.pptx$/), 'ledningsgruppens bildspel för Boendestöd'), work, 'ledningsgrupp'),
      analysisDeck: toPdf(required(documentIn(analysis, /^Analys.*\.pptx$/), 'analysens bildspel'), work, 'analys'),
      analysisWorkbook: toPdf(required(documentIn(analysis, /^Analys.*\.xlsx$/), 'analysens arbetsbok'), work, 'analysbok'),
    };
    log('Bilder:');
    const made = [
      picture(documents.workbook, 'HR:s förberedelse vid rehabiliteringsuppföljning', 'hr-arbetsbok-oversikt', { dpi: 100, topShare: 0.6 }),
      picture(documents.workbook, 'Öppna rehabärenden', 'hr-arbetsbok-arenden', { dpi: 110, topShare: 0.35 }),
      picture(documents.managerDeck, 'Att ta upp på mötet', 'hr-bildspel-mote'),
      picture(documents.managerDeck, 'Ärenden', 'hr-bildspel-arenden'),
      picture(documents.managementDeck, /^Sjukfrånvaron i .+ var .+ förvaltningen/, 'ledningsgrupp-sammanfattning'),
      picture(documents.managementDeck, /kort- och långtid per enhet/, 'ledningsgrupp-enheter'),
      picture(documents.managementDeck, /^[^:]+: sjukfrånvaron (har|är) /, 'ledningsgrupp-trend'),
      picture(documents.analysisDeck, 'Sammanfattning för förvaltningsledningen', 'analys-sammanfattning'),
      picture(documents.analysisDeck, '2. Enheter som avviker: sjukfrånvaro efter enhetens storlek', 'analys-tratt'),
      picture(documents.analysisWorkbook, 'Analys av rehabiliteringsarbetet i förvaltningen', 'analys-arbetsbok', { dpi: 100, topShare: 0.6 }),
    ];
    const hashes = sourceHashes();
    const combined = createHash('sha256').update(Object.entries(hashes).map(([file, hash]) => `${file} ${hash}\n`).join('')).digest('hex');
    writeFileSync(
      join(pictures, 'kallor.json'),
      `${JSON.stringify({ _kommentar: 'Skrivs av scripts/render-pictures.mjs. tests/docs/pictures.test.ts jämför med källorna.', bilder: made, kallor: combined, filer: hashes }, null, 2)}\n`,
    );
    log(`Klart: ${made.length} bilder i docs/bilder, källornas sha256 ${combined.slice(0, 12)}… i docs/bilder/kallor.json.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
