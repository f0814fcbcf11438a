// Independent readers for the documents prep writes: the zip's XML, exceljs, Python's email package, LibreOffice.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import JSZip from 'jszip';

/** Every file under a folder, relative paths with '/'. */
export function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const relativePath = prefix ? `${prefix}/${name}` : name;
    return statSync(join(root, relativePath)).isDirectory() ? listFiles(root, relativePath) : [relativePath];
  });
}

/** The text of every XML part of an .xlsx or .pptx. */
export async function zipXml(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

/** All text a user could read in a document or mail, as one string (XML parts, or the decoded mail). */
export async function documentText(path: string): Promise<string> {
  if (/\.(xlsx|pptx)$/.test(path)) return [...(await zipXml(path)).values()].join('\n');
  if (path.endsWith('.eml')) {
    const parsed = parseEml(path);
    return [parsed.subject, parsed.to.join(' '), parsed.from.join(' '), ...parsed.parts.map((part) => part.content ?? '')].join('\n');
  }
  return readFileSync(path, 'utf8');
}

const PARSE_EML = `
import email, email.policy, json, sys
def parse(path):
    with open(path, 'rb') as handle:
        message = email.message_from_bytes(handle.read(), policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        parts.append({'type': part.get_content_type(), 'content': content if isinstance(content, str) else content.decode('utf-8')})
    to, sender = message['to'].addresses[0], message['from'].addresses[0]
    return {'subject': message['subject'], 'to': [to.display_name, to.addr_spec], 'from': [sender.display_name, sender.addr_spec],
            'unsent': message['x-unsent'], 'defects': len(message.defects), 'parts': parts}
print(json.dumps([parse(path) for path in sys.argv[1:]]))
`;

export interface ParsedEml {
  subject: string;
  to: [string, string];
  from: [string, string];
  unsent: string | null;
  defects: number;
  parts: { type: string; content?: string }[];
}

// Parsed mails by path, size and modification time: the run folders of a test file do not change between its tests,
// and one Python process per mail was a large part of the suite's time.
const parsedEmls = new Map<string, ParsedEml>();
const emlKey = (path: string): string => {
  const stats = statSync(path);
  return `${path}\u0000${stats.size}\u0000${stats.mtimeMs}`;
};

/** Parses mails with Python's email package, all in one process. */
export function parseEmls(paths: readonly string[]): ParsedEml[] {
  const missing = [...new Set(paths.filter((path) => !parsedEmls.has(emlKey(path))))];
  if (missing.length > 0) {
    const result = spawnSync('python3', ['-c', PARSE_EML, ...missing], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`python3 could not parse ${missing.join(', ')}: ${result.stderr}`);
    const parsed = JSON.parse(result.stdout) as ParsedEml[];
    missing.forEach((path, index) => parsedEmls.set(emlKey(path), parsed[index]!));
  }
  return paths.map((path) => parsedEmls.get(emlKey(path))!);
}

export function parseEml(path: string): ParsedEml {
  return parseEmls([path])[0]!;
}

/** Converts documents to PDF with LibreOffice headless (it exits 0 even on failure: the PDFs are checked). */
export function convertToPdf(files: string[]): Map<string, string> {
  // Documents of different managers share a file name: convert numbered copies so no PDF overwrites another.
  const inDir = mkdtempSync(join(tmpdir(), 'rehab-doc-'));
  const outDir = mkdtempSync(join(tmpdir(), 'rehab-pdf-'));
  const profile = mkdtempSync(join(tmpdir(), 'rehab-lo-'));
  const copies = files.map((file, index) => {
    const copy = join(inDir, `${String(index).padStart(4, '0')}${extname(file)}`);
    copyFileSync(file, copy);
    return copy;
  });
  spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...copies], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  const pdfs = new Map<string, string>();
  files.forEach((file, index) => {
    const pdf = join(outDir, basename(copies[index]!).replace(/\.[^.]+$/, '.pdf'));
    if (existsSync(pdf)) pdfs.set(file, pdf);
  });
  return pdfs;
}

export function pdfPageCount(pdf: string): number {
  const result = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
}

export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
}

// openpyxl (Debian's python3-openpyxl, hence the system Python) is a second independent xlsx reader;
// warnings are errors so a part it has to guess about fails the test.
const READ_XLSX = `
import json, sys, warnings
warnings.simplefilter('error')
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({
    'sheets': [[sheet.title, sheet.sheet_state] for sheet in book.worksheets],
    'validations': [formula for sheet in book.worksheets for formula in [v.formula1 for v in sheet.data_validations.dataValidation]],
    'frozen': {sheet.title: sheet.freeze_panes for sheet in book.worksheets},
    'landscape': all(sheet.page_setup.orientation == 'landscape' for sheet in book.worksheets if sheet.sheet_state == 'visible'),
}))
`;

export interface OpenpyxlView {
  sheets: [string, string][];
  validations: string[];
  frozen: Record<string, string | null>;
  landscape: boolean;
}

export function readWithOpenpyxl(path: string): OpenpyxlView {
  const result = spawnSync('/usr/bin/python3', ['-c', READ_XLSX, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openpyxl could not read ${path}: ${result.stderr}`);
  return JSON.parse(result.stdout) as OpenpyxlView;
}
