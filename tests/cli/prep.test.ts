// rehab prep end to end, as an HR specialist and a scheduled job run it: on generated exports it has never seen,
// every file read back by an independent reader and compared with `rehab stats` / `rehab cases`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateExport, meetingsCsv } from '../../fixtures/generator.js';
import { CERTIFICATE_LABELS, HEALTH_TALK_LABELS } from '../../src/render/labels.js';
import { convertToPdf, documentText, listFiles, parseEml, parseEmls, pdfPageCount, pdfText, readWithOpenpyxl, zipXml } from '../helpers/documents.js';
import { PROJECT_ROOT, runCli } from '../helpers/runCli.js';

const AS_OF = '2027-08-20'; // autumn round: window 2027-02-01..2027-07-31, folder 2027-höst
const PERIOD = '2027-höst';

interface StatsUnit {
  level: string; id: string; name: string; parent: string; employees: number;
  shortPct: number | null; longPct: number | null; totalPct: number | null; suppressed: boolean;
}
interface StatsJson { administration: { name: string; shortPct: number; longPct: number; totalPct: number }; units: StatsUnit[] }
interface CaseJson { caseId: string; manager: string; dayNumber: number | null; checks: Record<string, string>; gaps: number }

let work: string;
let data: string;
let configPath: string;
let meetingsPath: string;
let out: string;
let run: ReturnType<typeof runCli>;
let runFolder: string;
let stats: StatsJson;
let cases: CaseJson[];
let uncovered: { manager: string; periodStart: string; dayNumber: number; extent: number }[];
let employees: { name: string; personnummer: string }[];
let managerNames: string[];

function writeExport(folder: string, seed: number, employments: number): { config: object; managers: { namn: string; epost: string }[] } {
  const generated = generateExport({ seed, employments, asOf: AS_OF });
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of Object.entries(generated.files)) writeFileSync(join(folder, name), bytes);
  return { config: generated.config, managers: generated.unitManagers };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rehab-prep-'));
  data = join(work, 'export');
  const { config, managers } = writeExport(data, 4711, 220);
  configPath = join(work, 'rehab.config.json');
  writeFileSync(configPath, JSON.stringify(config));
  meetingsPath = join(work, 'moten.csv');
  writeFileSync(meetingsPath, meetingsCsv(managers, '2027-08-23', 4711));
  out = join(work, 'ut');
  run = runCli(['prep', '--data', data, '--out', out, '--config', configPath, '--as-of', AS_OF, '--meetings', meetingsPath]);
  runFolder = join(out, PERIOD);
  stats = JSON.parse(runCli(['stats', '--data', data, '--config', configPath, '--as-of', AS_OF, '--format', 'json']).stdout) as StatsJson;
  const casesJson = JSON.parse(runCli(['cases', '--data', data, '--config', configPath, '--as-of', AS_OF, '--format', 'json']).stdout) as { cases: CaseJson[]; uncoveredSickLeave: typeof uncovered };
  cases = casesJson.cases;
  uncovered = casesJson.uncoveredSickLeave;
  const rows = parse(readFileSync(join(data, 'anstallda.csv')), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
  employees = rows.map((row) => ({ name: row['namn']!, personnummer: row['personnummer']! }));
  managerNames = [...new Set(rows.map((row) => row['chef_namn']!))];
}, 300_000);

describe('rehab prep on exports it has never seen', () => {
  it('succeeds and writes one folder named after the period, nothing else', () => {
    expect(run.stderr).toContain(`Underlag för ${PERIOD}`);
    expect(run.status).toBe(0);
    expect(readdirSync(out)).toEqual([PERIOD]);
    expect(statSync(runFolder).mode & 0o777).toBe(0o700);
  });

  it('writes a workbook, a deck, a mail and a meeting request per manager, and a leadership deck per verksamhet', () => {
    const files = listFiles(runFolder);
    const managerFolders = new Set(files.filter((file) => file.startsWith('Chefer/')).map((file) => file.split('/')[1]));
    // Managers: those of the enheter with figures (latest row) and those of open cases.
    const expectedManagers = new Set([...cases.map((c) => c.manager.toLowerCase())]);
    expect(managerFolders.size).toBeGreaterThanOrEqual(expectedManagers.size);
    for (const folder of managerFolders) {
      const inFolder = files.filter((file) => file.startsWith(`Chefer/${folder}/`)).map((file) => file.split('/')[2]).sort();
      // The folder is the manager's name; each file says which document it is and whose.
      expect(inFolder).toEqual([
        `Alt. 1 HRs förberedelse – ${folder}.xlsx`,
        `Alt. 2 HRs förberedelse – ${folder}.pptx`,
        `Bilaga 1 Inbjudan – ${folder}.eml`,
        `Mötesbokning – ${folder}.ics`,
      ]);
    }
    const names = files.map((file) => file.split('/').pop()!.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
    const operations = stats.units.filter((unit) => unit.level === 'verksamhet').map((unit) => unit.id).sort();
    const decks = files.filter((file) => file.startsWith('Ledningsgrupp/')).sort();
    expect(decks).toEqual(operations.map((operation) => `Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – ${operation}.pptx`).sort());
    for (const file of files) expect(statSync(join(runFolder, file)).mode & 0o777).toBe(0o600);
  });

  it('writes a manifest that lists every output with its hash and carries no names', () => {
    const manifestText = readFileSync(join(runFolder, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { asOf: string; period: string; window: object; outputs: { key: string; sha256: string }[]; inputs: { file: string; sha256: string }[] };
    expect(manifest.asOf).toBe(AS_OF);
    expect(manifest.period).toBe(PERIOD);
    expect(manifest.window).toEqual({ from: '2027-02-01', to: '2027-07-31' });
    // Paths carry managers' names, so the manifest lists opaque keys with the hash of each file.
    const written = listFiles(runFolder).filter((file) => file !== 'manifest.json');
    expect(manifest.outputs).toHaveLength(written.length);
    const hashes = new Set(manifest.outputs.map((output) => output.sha256));
    for (const file of written) expect(hashes.has(createHash('sha256').update(readFileSync(join(runFolder, file))).digest('hex'))).toBe(true);
    expect(new Set(manifest.outputs.map((output) => output.key)).size).toBe(written.length);
    const input = manifest.inputs.find((entry) => entry.file === 'sjukfranvaro.csv')!;
    expect(input.sha256).toBe(createHash('sha256').update(readFileSync(join(data, 'sjukfranvaro.csv'))).digest('hex'));
    for (const person of [...employees.map((e) => e.name), ...managerNames]) expect(manifestText).not.toContain(person);
  });

  it('never writes a personnummer, in any file', async () => {
    const numbers = employees.map((e) => e.personnummer).filter(Boolean);
    expect(numbers.length).toBeGreaterThan(100);
    // Every personnummer as written and as bare digits; both consist of digits, '-' and '+' only, so an occurrence
    // lies inside a run of those characters: look them up per run instead of scanning each file 3 × 200 times.
    const needles = new Set(numbers.flatMap((number) => [number, number.replace(/\D/g, '')]));
    const lengths = [...new Set([...needles].map((needle) => needle.length))];
    const found = (text: string): string[] => {
      const hits: string[] = [];
      for (const [run] of text.matchAll(/[0-9+-]+/g)) {
        for (const length of lengths) for (let start = 0; start + length <= run.length; start += 1) if (needles.has(run.slice(start, start + length))) hits.push(run.slice(start, start + length));
      }
      return hits;
    };
    expect(found(`rad ${numbers[0]!} och ${numbers[1]!.replace(/\D/g, '')}1`), 'the search itself').toEqual([numbers[0], numbers[1]!.replace(/\D/g, '')]);
    const files = listFiles(runFolder);
    parseEmls(files.filter((file) => file.endsWith('.eml')).map((file) => join(runFolder, file)));
    for (const file of files) {
      const text = await documentText(join(runFolder, file));
      const raw = readFileSync(join(runFolder, file), 'latin1');
      expect([...found(text), ...found(raw)], file).toEqual([]);
    }
  });

  it("puts the same figures as rehab stats in each manager's workbook", async () => {
    let compared = 0;
    for (const folder of readdirSync(join(runFolder, 'Chefer'))) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(runFolder, 'Chefer', folder, `Alt. 1 HRs förberedelse – ${folder}.xlsx`));
      const sheet = workbook.getWorksheet('Översikt')!;
      let inTable = false;
      sheet.eachRow((row) => {
        const first = row.getCell(1).value;
        if (first === 'Enhet') return void (inTable = true);
        // The table ends at the first row without a head count (the notes below it).
        if (!inTable || typeof first !== 'string' || typeof row.getCell(2).value !== 'number') return void (inTable = false);
        const expected = first === stats.administration.name ? stats.administration : stats.units.find((unit) => unit.level === 'enhet' && unit.name === first);
        expect(expected, `unit ${first}`).toBeDefined();
        for (const [column, key] of [[3, 'shortPct'], [4, 'longPct'], [5, 'totalPct']] as const) {
          const value = row.getCell(column).value;
          const figure = expected![key];
          if (figure === null) expect(value).toBe('–');
          else expect(value as number).toBeCloseTo(figure, 9);
        }
        compared += 1;
      });
    }
    expect(compared).toBeGreaterThan(readdirSync(join(runFolder, 'Chefer')).length);
  });

  it("lists exactly the manager's open cases, with the checks of rehab cases", async () => {
    let compared = 0;
    for (const folder of readdirSync(join(runFolder, 'Chefer'))) {
      const mail = parseEml(join(runFolder, 'Chefer', folder, `Bilaga 1 Inbjudan – ${folder}.eml`));
      const managerEmail = mail.to[1].toLowerCase();
      const expected = cases.filter((c) => c.manager.toLowerCase() === managerEmail);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(runFolder, 'Chefer', folder, `Alt. 1 HRs förberedelse – ${folder}.xlsx`));
      const sheet = workbook.getWorksheet('Ärenden')!;
      const groupRow = [...Array(sheet.rowCount).keys()].map((index) => sheet.getRow(index + 1)).find((row) => row.getCell(1).value === 'Ärende')!;
      const column = (header: string): number => (groupRow.values as unknown[]).indexOf(header);
      const found = new Map<string, ExcelJS.Row>();
      // The table ends at the first empty row; the legend follows.
      for (let number = groupRow.number + 1; typeof sheet.getRow(number).getCell(1).value === 'string'; number++) {
        found.set(sheet.getRow(number).getCell(1).value as string, sheet.getRow(number));
      }
      if (expected.length === 0) {
        expect([...found.keys()]).toEqual(['Inga öppna rehabärenden.']);
        continue;
      }
      expect([...found.keys()].sort()).toEqual(expected.map((c) => c.caseId).sort());
      for (const rehabCase of expected) {
        const row = found.get(rehabCase.caseId)!;
        const day = row.getCell(column('Dag')).value;
        expect(day === null || day === '' ? null : day).toBe(rehabCase.dayNumber);
        expect(row.getCell(column('Läkarintyg')).value).toBe(CERTIFICATE_LABELS[rehabCase.checks['certificate'] as keyof typeof CERTIFICATE_LABELS]);
        expect(row.getCell(column('Hälsosamtal')).value).toBe(HEALTH_TALK_LABELS[rehabCase.checks['healthTalk'] as keyof typeof HEALTH_TALK_LABELS]);
        expect(row.getCell(column('Brister')).value).toBe(rehabCase.gaps);
        compared += 1;
      }
    }
    expect(compared).toBe(cases.length);
  });

  it("lists each manager's sick leave without a case in her workbook, as `cases` finds it", async () => {
    let listed = 0;
    for (const folder of readdirSync(join(runFolder, 'Chefer'))) {
      const mail = parseEml(join(runFolder, 'Chefer', folder, `Bilaga 1 Inbjudan – ${folder}.eml`));
      const managerEmail = mail.to[1].toLowerCase();
      const expected = uncovered.filter((entry) => entry.manager.toLowerCase() === managerEmail).map((entry) => `${entry.periodStart} dag ${entry.dayNumber} ${entry.extent} %`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(runFolder, 'Chefer', folder, `Alt. 1 HRs förberedelse – ${folder}.xlsx`));
      const sheet = workbook.getWorksheet('Sjukfrånvaro utan ärende')!;
      const found: string[] = [];
      sheet.eachRow((row) => {
        const start = row.getCell(3).value;
        if (row.number > 3 && start instanceof Date) found.push(`${start.toISOString().slice(0, 10)} dag ${String(row.getCell(4).value)} ${String(row.getCell(5).value)} %`);
      });
      expect(found.sort(), folder).toEqual(expected.sort());
      listed += found.length;
    }
    expect(listed).toBe(uncovered.length);
    expect(listed).toBeGreaterThan(0);
  });

  it('leadership decks hide the other season, show no person and no suppressed unit', async () => {
    const suppressed = stats.units.filter((unit) => unit.level === 'enhet' && unit.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const deck of readdirSync(join(runFolder, 'Ledningsgrupp'))) {
      const parts = await zipXml(join(runFolder, 'Ledningsgrupp', deck));
      const slides = [...parts.entries()].filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map(([, xml]) => xml);
      const spring = slides.filter((xml) => xml.includes('Inför sommaren'));
      const autumn = slides.filter((xml) => xml.includes('Inför hösten'));
      expect(spring).toHaveLength(1);
      expect(autumn).toHaveLength(1);
      expect(spring[0]).toMatch(/<p:sld [^>]*show="0"/);
      expect(autumn[0]).not.toMatch(/<p:sld [^>]*show="0"/);
      const text = [...parts.values()].join('\n');
      for (const person of [...employees.map((e) => e.name), ...managerNames]) expect(text, `${person} in ${deck}`).not.toContain(person);
      for (const unit of suppressed) expect(text, `${unit.name} in ${deck}`).not.toContain(`>${unit.name}<`);
    }
  });

  it('writes Bilaga 1 as an Outlook draft from the HR specialist, with å/ä/ö intact', () => {
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { hrSpecialister: { namn: string; epost: string }[] };
    for (const folder of readdirSync(join(runFolder, 'Chefer'))) {
      const mail = parseEml(join(runFolder, 'Chefer', folder, `Bilaga 1 Inbjudan – ${folder}.eml`));
      expect(mail.subject).toBe('Inbjudan till rehabiliteringsuppföljning hösten 2027');
      expect(mail.unsent).toBe('1');
      expect(mail.defects).toBe(0);
      expect(config.hrSpecialister.map((hr) => hr.epost)).toContain(mail.from[1]);
      const text = mail.parts.find((part) => part.type === 'text/plain')!.content!;
      expect(text).toContain('Som en del av förvaltningens arbete för att minska sjukfrånvaron och främja en hållbar arbetsförmåga');
      expect(mail.parts.map((part) => part.type)).toContain('text/html');
      const ics = readFileSync(join(runFolder, 'Chefer', folder, `Mötesbokning – ${folder}.ics`), 'utf8');
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics.replace(/\r\n /g, '').toLowerCase()).toContain(`mailto:${mail.to[1].toLowerCase()}`);
    }
  });

  it('every workbook reads cleanly in openpyxl: hidden list sheet, drop-downs from it, frozen headers, landscape', () => {
    for (const folder of readdirSync(join(runFolder, 'Chefer'))) {
      const view = readWithOpenpyxl(join(runFolder, 'Chefer', folder, `Alt. 1 HRs förberedelse – ${folder}.xlsx`));
      expect(view.sheets).toEqual([
        ['Översikt', 'visible'], ['Ärenden', 'visible'], ['Sjukfrånvaro utan ärende', 'visible'], ['Upprepad korttidsfrånvaro', 'visible'], ['Reflektioner', 'visible'], ['Listor', 'hidden'],
      ]);
      expect(view.validations.length).toBeGreaterThanOrEqual(1);
      for (const formula of view.validations) expect(formula).toMatch(/^Listor!\$[A-Z]\$\d+:\$[A-Z]\$\d+$/);
      expect(view.frozen['Ärenden']).not.toBeNull();
      expect(view.landscape).toBe(true);
    }
  });

  // LibreOffice takes seconds per document: by default the largest document of each kind (HR workbook, HR deck,
  // leadership deck) is converted; REHAB_TEST_EVERY_DOCUMENT=1 converts every one.
  it('workbooks and decks open in LibreOffice and print pages', () => {
    const all = listFiles(runFolder).filter((file) => /\.(xlsx|pptx)$/.test(file)).map((file) => join(runFolder, file));
    const kinds = [(file: string) => file.endsWith('.xlsx'), (file: string) => file.includes('/Chefer/') && file.endsWith('.pptx'), (file: string) => file.includes('/Ledningsgrupp/')];
    const largest = kinds.map((isKind) => all.filter(isKind).sort((a, b) => statSync(b).size - statSync(a).size)[0]!);
    expect(largest.every(Boolean)).toBe(true);
    const documents = process.env['REHAB_TEST_EVERY_DOCUMENT'] === '1' ? all : largest;
    const pdfs = convertToPdf(documents);
    expect([...pdfs.keys()].sort()).toEqual([...documents].sort());
    for (const [document, pdf] of pdfs) expect(pdfPageCount(pdf), document).toBeGreaterThan(1);
    expect(pdfText(pdfs.get(largest[0]!)!)).toContain('Sjukfrånvaro per enhet jämfört med förvaltningen');
    expect(pdfText(pdfs.get(largest[1]!)!)).toContain('HR:s förberedelse');
    expect(pdfText(pdfs.get(largest[2]!)!)).toContain('Rehabiliteringsuppföljning till ledningsgrupp');
  }, 600_000);

  it('refuses to overwrite the period folder (exit 4) and leaves it as it was', () => {
    const before = readFileSync(join(runFolder, 'manifest.json'), 'utf8');
    const again = runCli(['prep', '--data', data, '--out', out, '--config', configPath, '--as-of', AS_OF]);
    expect(again.status).toBe(4);
    expect(again.stderr).toContain('finns redan');
    expect(readFileSync(join(runFolder, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(out)).toEqual([PERIOD]);
  });
});

describe('rehab prep on bad input and options', () => {
  it('writes nothing and exits 3 with file, line and field when the data are invalid', () => {
    const broken = join(work, 'trasig');
    writeExport(broken, 99, 40);
    const lines = readFileSync(join(broken, 'sjukfranvaro.csv'), 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/;\d+(\r?)$/, ';150$1');
    writeFileSync(join(broken, 'sjukfranvaro.csv'), lines.join('\n'));
    const target = join(work, 'ut-trasig');
    const result = runCli(['prep', '--data', broken, '--out', target, '--as-of', AS_OF]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('sjukfranvaro.csv:4: omfattning:');
    expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(existsSync(target)).toBe(false);
  });

  it('runs without a config file and says what it used instead', () => {
    const bare = mkdtempSync(join(tmpdir(), 'rehab-bare-'));
    const result = runCli(['prep', '--data', data, '--out', 'ut', '--as-of', AS_OF], { cwd: bare });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Ingen konfigurationsfil');
    const folder = readdirSync(join(bare, 'ut', PERIOD, 'Chefer'))[0]!;
    const mail = parseEml(join(bare, 'ut', PERIOD, 'Chefer', folder, `Bilaga 1 Inbjudan – ${folder}.eml`));
    expect(mail.parts.find((part) => part.type === 'text/plain')!.content).toContain('Din HR-specialist');
  });

  it('--chef and --json: one manager, a machine-readable summary without names', () => {
    const manager = cases[0]!.manager;
    const target = join(work, 'ut-chef');
    const result = runCli(['prep', '--data', data, '--out', target, '--config', configPath, '--as-of', AS_OF, '--chef', manager.toUpperCase(), '--json']);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { managers: number; openCases: number; outputs: string[] };
    expect(summary.managers).toBe(1);
    expect(summary.openCases).toBe(cases.filter((c) => c.manager.toLowerCase() === manager.toLowerCase()).length);
    expect(readdirSync(join(target, PERIOD, 'Chefer'))).toHaveLength(1);
    for (const person of managerNames) expect(result.stdout).not.toContain(person);
  });

  it('gives the same result on a Windows-1252, comma-separated export with other headers in another order', () => {
    const generated = generateExport({ seed: 4711, employments: 220, asOf: AS_OF, encoding: 'windows-1252', delimiter: ',' });
    const other = join(work, 'annan-export');
    mkdirSync(other);
    for (const [name, bytes] of Object.entries(generated.files)) {
      // Upper-case headers, reversed column order: the reader matches headers, not positions.
      const rows = parse(bytes, { delimiter: ',', encoding: 'latin1', relax_quotes: true }) as string[][];
      const reordered = rows.map((row, index) => (index === 0 ? row.map((header) => header.toUpperCase().replace(/_/g, ' ')) : row).reverse());
      const text = reordered.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
      writeFileSync(join(other, name), Buffer.from(text, 'latin1'));
    }
    expect(readFileSync(join(other, 'anstallda.csv'), 'latin1').split('\r\n')[0]).toContain('ANSTALLNINGS ID');
    const target = join(work, 'ut-annan');
    const result = runCli(['prep', '--data', other, '--out', target, '--config', configPath, '--as-of', AS_OF, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { managers: number; openCases: number; gaps: number };
    const original = JSON.parse(readFileSync(join(runFolder, 'manifest.json'), 'utf8')) as { counts: { managers: number; openCases: number } };
    expect(summary.managers).toBe(original.counts.managers);
    expect(summary.openCases).toBe(original.counts.openCases);
    expect(readdirSync(join(target, PERIOD, 'Chefer')).sort()).toEqual(readdirSync(join(runFolder, 'Chefer')).sort());
  });

  it('--templates overrides a mail template and the yearly slide texts; a broken template stops the run before writing', async () => {
    const templates = join(work, 'egna-mallar');
    mkdirSync(join(templates, 'mail'), { recursive: true });
    mkdirSync(join(templates, 'ledningsgrupp'), { recursive: true });
    writeFileSync(join(templates, 'mail', 'bilaga1.subject.hbs'), 'Dags för rehabiliteringsuppföljning {{period.namn}} – {{chef.namn}}');
    writeFileSync(join(templates, 'ledningsgrupp', '01-tema.md'), '---\ntermin: båda\ntitel: "Årets tema: Återgång i arbete efter lång sjukskrivning"\ntyp: tema\n---\n- Tidig kontakt\n');
    const manager = cases[0]!.manager;
    const target = join(work, 'ut-mallar');
    const result = runCli(['prep', '--data', data, '--out', target, '--config', configPath, '--as-of', AS_OF, '--chef', manager, '--templates', templates]);
    expect(result.status).toBe(0);
    const folder = readdirSync(join(target, PERIOD, 'Chefer'))[0]!;
    const mail = parseEml(join(target, PERIOD, 'Chefer', folder, `Bilaga 1 Inbjudan – ${folder}.eml`));
    expect(mail.subject).toBe(`Dags för rehabiliteringsuppföljning hösten 2027 – ${mail.to[0]}`);
    // The other parts of the mail still come from the bundled templates.
    expect(mail.parts.find((part) => part.type === 'text/plain')!.content).toContain('Som en del av förvaltningens arbete');
    const deck = readdirSync(join(target, PERIOD, 'Ledningsgrupp'))[0]!;
    const text = [...(await zipXml(join(target, PERIOD, 'Ledningsgrupp', deck))).values()].join('');
    expect(text).toContain('Återgång i arbete efter lång sjukskrivning');
    expect(text).not.toContain('Inför sommaren');

    writeFileSync(join(templates, 'mail', 'bilaga1.text.hbs'), 'Hej {{chef.smeknamn}},');
    const brokenTarget = join(work, 'ut-mallar-fel');
    const broken = runCli(['prep', '--data', data, '--out', brokenTarget, '--as-of', AS_OF, '--templates', templates]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('mail/bilaga1.text.hbs');
    expect(existsSync(brokenTarget)).toBe(false);
  });

  it('runs on every small valid scenario export, where the whole administration is too small to show in shared decks', async () => {
    const scenarios = readdirSync(join(PROJECT_ROOT, 'fixtures', 'scenarios'))
      .filter((name) => !name.startsWith('error-') && existsSync(join(PROJECT_ROOT, 'fixtures', 'scenarios', name, 'rehabarenden.csv')));
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    for (const name of scenarios) {
      const folder = join(PROJECT_ROOT, 'fixtures', 'scenarios', name);
      const config = existsSync(join(folder, 'rehab.config.json')) ? ['--config', join(folder, 'rehab.config.json')] : [];
      const target = join(work, `ut-scenario-${name}`);
      const result = runCli(['prep', '--data', folder, '--out', target, '--as-of', '2027-02-10', ...config]);
      expect(result.stderr, name).not.toContain('oväntat fel');
      expect(result.status, name).toBe(0);
      const decks = readdirSync(join(target, '2027-vår', 'Ledningsgrupp'));
      expect(decks.length, name).toBeGreaterThan(0);
    }
    // With fewer than 5 employees in the whole administration nothing may be shown, not even the administration:
    // the deck says so in one slide instead of figures (issue 10).
    const tiny = join(work, 'ut-scenario-utf8-bom', '2027-vår', 'Ledningsgrupp');
    const text = [...(await zipXml(join(tiny, readdirSync(tiny)[0]!))).values()].join('');
    expect(text).toMatch(/Siffrorna för .* visas inte: färre än 5 anställda/);
    expect(text).not.toContain('<c:chart');
    // A dozen prep runs one after another: minutes when the machine is shared.
  }, 600_000);

  it('--chef with an unknown address is a usage error (exit 2)', () => {
    const result = runCli(['prep', '--data', data, '--out', join(work, 'ut-x'), '--as-of', AS_OF, '--chef', 'ingen@example.se']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--manager');
    expect(existsSync(join(work, 'ut-x'))).toBe(false);
  });

  it('neutralises a hostile name so no spreadsheet runs it as a formula', async () => {
    const hostile = join(work, 'fientlig');
    writeExport(hostile, 4711, 220);
    const caseRows = parse(readFileSync(join(hostile, 'rehabarenden.csv')), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    const target = cases[0]!;
    const employmentId = caseRows.find((row) => row['arende_id'] === target.caseId)!['anstallnings_id']!;
    const staff = readFileSync(join(hostile, 'anstallda.csv'), 'utf8').split('\n');
    const evil = '=HYPERLINK("http://example.invalid","Klicka")';
    const patched = staff.map((line) => (line.startsWith(`${employmentId};`) ? line.replace(/^([^;]*);[^;]*;/, `$1;"${evil.replace(/"/g, '""')}";`) : line));
    writeFileSync(join(hostile, 'anstallda.csv'), patched.join('\n'));
    const outDir = join(work, 'ut-fientlig');
    const result = runCli(['prep', '--data', hostile, '--out', outDir, '--as-of', AS_OF, '--chef', target.manager]);
    expect(result.status).toBe(0);
    const folder = readdirSync(join(outDir, PERIOD, 'Chefer'))[0]!;
    const workbookPath = join(outDir, PERIOD, 'Chefer', folder, `Alt. 1 HRs förberedelse – ${folder}.xlsx`);
    const parts = await zipXml(workbookPath);
    const sheets = [...parts.entries()].filter(([name]) => name.startsWith('xl/worksheets/')).map(([, xml]) => xml).join('');
    expect(sheets).not.toContain('<f>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookPath);
    const texts: string[] = [];
    workbook.getWorksheet('Ärenden')!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    expect(texts).toContain(`'${evil}`);
  });
});
