// Shared pieces of the fuzz properties (issue 13): a small valid export to start from, mutations that break it the
// ways real exports break (and the ways an attacker would), the CLI run in-process with its output captured, and the
// checks every outcome must pass.
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { generateExport, type ExportFileName } from '../../fixtures/generator.js';
import { run } from '../../src/cli/main.js';
import { packageXmlProblems, xmlProblem } from '../helpers/xmlWellFormed.js';
import JSZip from 'jszip';

/** `npm run fuzz` sets REHAB_FUZZ=1: many more inputs per property than the bounded run in `npm test`. */
export const LONG_RUN = process.env.REHAB_FUZZ === '1';

/** Inputs tried per property, printed at the end of a run (the counts for the issue note). */
export const tried = new Map<string, number>();

export function numRuns(quick: number, long: number): number {
  return LONG_RUN ? long : quick;
}

/** Outcomes per property ("exit 0", "exit 3", "dataset", "InputError"), so a run shows that both kinds were reached. */
const outcomes = new Map<string, Map<string, number>>();

export function count(property: string): void {
  tried.set(property, (tried.get(property) ?? 0) + 1);
}

export function countOutcome(property: string, outcome: string): void {
  const byOutcome = outcomes.get(property) ?? new Map<string, number>();
  byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  outcomes.set(property, byOutcome);
}

export function reportCounts(file: string): void {
  const lines = [...tried].map(([property, inputs]) => {
    const seen = [...(outcomes.get(property) ?? new Map<string, number>())].map(([outcome, times]) => `${outcome} ${times}`).join(', ');
    return `  ${property}: ${inputs}${seen ? ` (${seen})` : ''}`;
  });
  const total = [...tried.values()].reduce((sum, inputs) => sum + inputs, 0);
  process.stdout.write(`fuzz ${file}: ${total} inputs\n${lines.join('\n')}\n`);
}

export const AS_OF = '2027-02-10';
export const FILES: readonly ExportFileName[] = ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv'];

/** A small valid export (a handful of employments, two or three managers), as UTF-8 text per file. */
export function baseExport(seed = 7, employments = 10): Record<ExportFileName, string> {
  const generated = generateExport({ seed, employments, asOf: AS_OF });
  return Object.fromEntries(FILES.map((name) => [name, generated.files[name]!.toString('utf8').replace(/^\uFEFF/, '')])) as Record<ExportFileName, string>;
}

const HOSTILE_VALUES = [
  'Hemtjänst\u000BÖstra', '\u0001\u0002\u0003', '\u001B[31mRÖD\u001B[0m', '\u001B]2;titel\u0007', '=HYPERLINK("http://x","klick")', '+46 70', '-1', '@SUM(A1)',
  '\tTab', '\rCR', '..', '../../etc/passwd', '..\\..\\Windows', '/', 'CON', 'LPT1', 'AUX', 'NUL.txt', 'con.', 'Vård/Omsorg', 'Vård:Omsorg',
  'a'.repeat(300), '😀'.repeat(60), 'e\u0301', '\u202Eabc', '\uFEFF', '\uD800', '\uFFFE', '{{x}}', '{{{constructor}}}', '<script>alert(1)</script>',
  '"', '""', ';', ',', '\n', '\r\n', ' ', '', '   trailing   ', '19841112-0234', '198411120234', 'Åsa\r\nBcc: x@example.com', 'x@y', 'å@ä.ö',
  '2027-02-30', '20270230', '2027-02-10 25:99', '2027-13-01', '0000-00-00', '9999-12-31', '1e309', 'NaN', '-0', '100,5', '٣٠', '0x10', '  50 ',
] as const;

export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** One change to one file; applied in order, on text (then encoded) or on the final bytes. */
export type Mutation =
  | { kind: 'cell'; row: number; column: number; value: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'lineEndings'; style: 'crlf' | 'cr' | 'mixed' }
  | { kind: 'delimiter'; to: string }
  | { kind: 'hugeField'; row: number; column: number; length: number }
  | { kind: 'dropColumn'; column: number }
  | { kind: 'duplicateColumn'; column: number }
  | { kind: 'duplicateRow'; row: number }
  | { kind: 'dropHeader' }
  | { kind: 'empty' };

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le-bom' | 'latin1-stray';

const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('cell' as const), row: fc.nat(40), column: fc.nat(15), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(4000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(4000), text: fc.constantFrom('"', '""', '"x', ';', ',', '\t', '\n', '\r', '\r\n', '\u0000', '\uFEFF') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEndings' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delimiter' as const), to: fc.constantFrom(',', '\t', '|', ' ', ';;') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hugeField' as const), row: fc.nat(20), column: fc.nat(15), length: fc.integer({ min: 1_000, max: 200_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropColumn' as const), column: fc.nat(15) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateColumn' as const), column: fc.nat(15) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateRow' as const), row: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dropHeader' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

const byteMutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(4000), bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 4 }) });

export interface FileMutation {
  file: ExportFileName;
  encoding: Encoding;
  mutations: Mutation[];
}

export const fileMutation: fc.Arbitrary<FileMutation> = fc.record({
  file: fc.constantFrom(...FILES),
  encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le-bom', 'latin1-stray'),
  mutations: fc.array(fc.oneof({ weight: 5, arbitrary: textMutation }, { weight: 1, arbitrary: byteMutation }), { minLength: 1, maxLength: 4 }),
});

function splitRows(text: string, delimiter: string): string[][] {
  // The base export quotes nothing: a plain split is enough to address a cell.
  return text.split('\n').filter((line, index, lines) => line !== '' || index < lines.length - 1).map((line) => line.split(delimiter));
}

function joinRows(rows: string[][], delimiter: string): string {
  return `${rows.map((row) => row.join(delimiter)).join('\n')}\n`;
}

function quoteIfNeeded(value: string): string {
  return /[";,\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function applyTextMutation(text: string, mutation: Mutation): string {
  const rows = splitRows(text, ';');
  const at = (position: number): number => (text.length === 0 ? 0 : position % (text.length + 1));
  switch (mutation.kind) {
    case 'cell': {
      const row = rows[mutation.row % Math.max(1, rows.length)];
      if (!row || row.length === 0) return text;
      // Half of the time as a proper quoted CSV value, half raw (as a broken export would have it).
      row[mutation.column % row.length] = mutation.row % 2 === 0 ? quoteIfNeeded(mutation.value) : mutation.value;
      return joinRows(rows, ';');
    }
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'insert':
      return text.slice(0, at(mutation.at)) + mutation.text + text.slice(at(mutation.at));
    case 'lineEndings':
      if (mutation.style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (mutation.style === 'cr') return text.replace(/\r?\n/g, '\r');
      return text.split('\n').map((line, index) => line + (index % 3 === 0 ? '\r\n' : index % 3 === 1 ? '\r' : '\n')).join('');
    case 'delimiter':
      return text.replace(/;/g, mutation.to);
    case 'hugeField': {
      const row = rows[mutation.row % Math.max(1, rows.length)];
      if (!row || row.length === 0) return text;
      row[mutation.column % row.length] = 'Å'.repeat(mutation.length);
      return joinRows(rows, ';');
    }
    case 'dropColumn':
      return joinRows(rows.map((row) => row.filter((_, index) => index !== mutation.column % Math.max(1, row.length))), ';');
    case 'duplicateColumn':
      return joinRows(rows.map((row) => (row.length === 0 ? row : [...row, row[mutation.column % row.length]!])), ';');
    case 'duplicateRow': {
      const row = rows[mutation.row % Math.max(1, rows.length)];
      return row ? joinRows([...rows, [...row]], ';') : text;
    }
    case 'dropHeader':
      return joinRows(rows.slice(1), ';');
    case 'empty':
      return '';
    case 'bytes':
      return text;
  }
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'windows-1252':
      return iconv.encode(text, 'win1252');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'latin1-stray': {
      // One stray Windows-1252 byte (ö = 0xF6) in an otherwise UTF-8 file.
      const bytes = Buffer.from(text, 'utf8');
      const middle = Math.floor(bytes.length / 2);
      return Buffer.concat([bytes.subarray(0, middle), Buffer.from([0xf6]), bytes.subarray(middle)]);
    }
  }
}

/** The bytes of each file after the mutations. */
export function mutatedExport(base: Record<ExportFileName, string>, changes: readonly FileMutation[]): Record<ExportFileName, Buffer> {
  const files = Object.fromEntries(FILES.map((name) => [name, Buffer.from(base[name], 'utf8')])) as Record<ExportFileName, Buffer>;
  for (const change of changes) {
    let text = files[change.file].toString('utf8');
    for (const mutation of change.mutations) if (mutation.kind !== 'bytes') text = applyTextMutation(text, mutation);
    let bytes = encode(text, change.encoding);
    for (const mutation of change.mutations) {
      if (mutation.kind !== 'bytes') continue;
      const at = bytes.length === 0 ? 0 : mutation.at % bytes.length;
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.bytes), bytes.subarray(at + 1)]);
    }
    files[change.file] = bytes;
  }
  return files;
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** The CLI entry in this process (parse → read → plan → write), with stdout and stderr captured. */
export async function runInProcess(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const status = await run(argv);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

// eslint-disable-next-line no-control-regex -- the checks look for control characters
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/;
// eslint-disable-next-line no-control-regex -- as above
const HEADER_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** What is wrong with a run's outcome; [] when it is what issue 13 asks: exit 0 or 3, a Swedish message, clean output. */
export function outcomeProblems(result: CliRun, allowed: readonly number[] = [0, 3]): string[] {
  const problems: string[] = [];
  if (!allowed.includes(result.status)) problems.push(`exit ${result.status}: ${result.stderr.slice(0, 500)}`);
  if (/oväntat fel/.test(result.stderr)) problems.push(`unexpected error: ${result.stderr.slice(0, 500)}`);
  if (/\n\s+at |Error:|TypeError|RangeError/.test(result.stderr)) problems.push(`stack trace or English error on stderr: ${result.stderr.slice(0, 500)}`);
  if (TERMINAL_CONTROL.test(result.stdout)) problems.push('control character on stdout');
  if (TERMINAL_CONTROL.test(result.stderr)) problems.push('control character on stderr');
  if (result.status === 3 && !result.stderr.startsWith('Indata är ogiltiga. Ingenting har skrivits.\n')) problems.push(`exit 3 without the Swedish message: ${result.stderr.slice(0, 300)}`);
  if (result.status === 3 && !/^[^:\n]+\.csv(:\d+)?: /m.test(result.stderr)) problems.push(`exit 3 without file (and line): ${result.stderr.slice(0, 300)}`);
  return problems;
}

/** Every file under a folder (symlinks reported as such), relative with '/'. */
export function filesUnder(root: string, prefix = ''): string[] {
  if (!existsSync(join(root, prefix))) return [];
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    const stat = lstatSync(join(root, path));
    if (stat.isSymbolicLink()) return [`${path} (symlink)`];
    return stat.isDirectory() ? filesUnder(root, path) : [path];
  });
}

/** Problems in what prep wrote: files outside the folder, broken XML, formula cells, broken mail headers or calendar lines. */
export async function writtenProblems(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  const root = realpathSync(outDir);
  for (const file of filesUnder(outDir)) {
    if (file.endsWith('(symlink)')) {
      problems.push(`symlink written: ${file}`);
      continue;
    }
    const path = join(outDir, file);
    const real = realpathSync(path);
    if (relative(root, real).startsWith('..') || !real.startsWith(root + sep)) problems.push(`outside the output folder: ${file}`);
    if (/\.(xlsx|pptx)$/.test(file)) {
      const bytes = readFileSync(path);
      for (const [part, problem] of await packageXmlProblems(bytes)) problems.push(`${file}!${part}: ${problem}`);
      problems.push(...(await formulaCells(bytes)).map((cell) => `${file}: formula-like cell ${JSON.stringify(cell.slice(0, 60))}`));
    } else if (file.endsWith('.eml')) {
      problems.push(...mailProblems(readFileSync(path, 'latin1')).map((problem) => `${file}: ${problem}`));
    } else if (file.endsWith('.ics')) {
      const text = readFileSync(path, 'utf8');
      if (HEADER_CONTROL.test(text.replace(/\r\n/g, ''))) problems.push(`${file}: control character`);
      const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
      if (!lines.every((line) => /^[A-Z-]+[;:]/.test(line))) problems.push(`${file}: a line that is no property`);
    } else if (file.endsWith('.json')) {
      try {
        JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        problems.push(`${file}: invalid JSON`);
      }
    }
  }
  return problems;
}

/** Texts of xlsx cells (and of chart workbooks in a pptx) that a spreadsheet could run, plus real formula cells. */
async function formulaCells(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found: string[] = [];
  for (const name of Object.keys(zip.files)) {
    const entry = zip.file(name);
    if (!entry) continue;
    if (/\.xlsx$/.test(name)) {
      found.push(...(await formulaCells(Buffer.from(await entry.async('uint8array')))));
      continue;
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      const xml = await entry.async('string');
      for (const formula of xml.matchAll(/<f[\s>][^<]*/g)) found.push(`formula ${formula[0]}`);
      for (const inline of xml.matchAll(/<is><t[^>]*>([^<]*)<\/t>/g)) if (FORMULA_START.test(decode(inline[1]!))) found.push(decode(inline[1]!));
    }
    if (name === 'xl/sharedStrings.xml') {
      const xml = await entry.async('string');
      for (const text of xml.matchAll(/<si>(?:<t[^>]*>([^<]*)<\/t>|<r>.*?<\/r>)/g)) if (text[1] !== undefined && FORMULA_START.test(decode(text[1]))) found.push(decode(text[1]));
    }
  }
  return found;
}

function decode(text: string): string {
  return text.replace(/&#(x?)([0-9A-Fa-f]+);/g, (_, hex: string, digits: string) => String.fromCodePoint(parseInt(digits, hex ? 16 : 10)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function mailProblems(raw: string): string[] {
  const problems: string[] = [];
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return ['no header block'];
  const headerBlock = raw.slice(0, end);
  if (HEADER_CONTROL.test(headerBlock.replace(/\r\n/g, ''))) problems.push('control character in the headers');
  const lines = headerBlock.replace(/\r\n[ \t]/g, ' ').split('\r\n');
  for (const line of lines) if (!/^[A-Za-z][A-Za-z0-9-]*: /.test(line)) problems.push(`not a header line: ${JSON.stringify(line.slice(0, 80))}`);
  for (const word of headerBlock.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi)) {
    const decoded = word[1]!.toUpperCase() === 'B'
      ? Buffer.from(word[2]!, 'base64').toString('utf8')
      : Buffer.from(word[2]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
    if (/[\r\n]/.test(decoded) || HEADER_CONTROL.test(decoded)) problems.push('CR, LF or a control character inside an encoded header word');
  }
  const names = lines.map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
  for (const single of ['from', 'to', 'subject']) if (names.filter((name) => name === single).length !== 1) problems.push(`${single} header ${names.filter((name) => name === single).length} times`);
  if (names.includes('bcc') || names.includes('cc')) problems.push('a Cc/Bcc header');
  return problems;
}

export { xmlProblem };
