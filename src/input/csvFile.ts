// One CSV export read from disk: only a regular file under the size cap, encoding detected per line, delimiter
// detected, records handed on one by one with the physical line they start on (memory stays bounded).
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

export interface CsvRecord {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  /** Cells as read (not trimmed). */
  values: string[];
}

/** A line whose bytes are in the other encoding than the rest of the file (read in that encoding, with a warning). */
export interface MixedEncodingLine {
  line: number;
  /** The encoding the line was read in. */
  readAs: 'utf-8' | 'windows-1252';
}

export interface CsvFileInfo {
  headers: string[];
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  sha256: string;
  /** Records after the header (blank records not counted). */
  rows: number;
  mixedEncodingLines: MixedEncodingLine[];
}

export interface CsvFile extends CsvFileInfo {
  records: CsvRecord[];
}

export interface CsvReadLimits {
  /** Larger files are refused (exit 3) before anything is parsed. */
  maxBytes: number;
  /** Bytes parsed per piece (default 4 MB); tests make it tiny to put piece boundaries everywhere. */
  chunkBytes?: number;
}

/** 300 MB: a city's export is a few tens of MB; 300 MB of sick leave (about 9 M rows) still fits a 2 GB heap. */
export const DEFAULT_MAX_FILE_MEGABYTES = 300;
const DEFAULT_LIMITS: CsvReadLimits = { maxBytes: DEFAULT_MAX_FILE_MEGABYTES * 1024 * 1024 };
/** At most this many lines in another encoding are reported one by one. */
const MAX_MIXED_LINES_REPORTED = 20;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Records are parsed in pieces of about this many bytes, so no file is ever held as one array of records. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (what Excel writes on Swedish Windows). */
export function decodeCsvBytes(bytes: Buffer): { text: string; encoding: DetectedEncoding } {
  const { utf8, encoding } = toUtf8(bytes);
  return { text: utf8.toString('utf8'), encoding };
}

/** Line ranges [start, end) of the bytes, split at LF, CRLF and lone CR. */
function forEachLine(bytes: Buffer, visit: (start: number, end: number, line: number) => void): void {
  let start = 0;
  let line = 1;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte !== LF && byte !== CR) continue;
    visit(start, index, line);
    if (byte === CR && bytes[index + 1] === LF) index++;
    start = index + 1;
    line++;
  }
  if (start < bytes.length) visit(start, bytes.length, line);
}

function hasHighByte(bytes: Buffer, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (bytes[index]! >= 0x80) return true;
  return false;
}

// Node's own windows-1252 decoder gets €, – and curly quotes wrong; iconv-lite does not.
const fromWindows1252 = (bytes: Buffer): Buffer => Buffer.from(iconv.decode(bytes, 'win1252'), 'utf8');

/**
 * The bytes as UTF-8. A file is UTF-8 or Windows-1252 by the majority of its lines with non-ASCII bytes; a line
 * in the other encoding (one stray Latin-1 byte in a UTF-8 export) is read in its own encoding and reported,
 * so one bad line does not turn every å, ä and ö of the file into "Ã¤".
 */
function toUtf8(raw: Buffer): { utf8: Buffer; encoding: DetectedEncoding; mixed: MixedEncodingLine[] } {
  const hasBom = UTF8_BOM.every((byte, index) => raw[index] === byte);
  const bytes = hasBom ? raw.subarray(3) : raw;
  if (isUtf8(bytes)) return { utf8: bytes, encoding: hasBom ? 'utf-8-bom' : 'utf-8', mixed: [] };
  const utf8Lines: [number, number, number][] = [];
  const cp1252Lines: [number, number, number][] = [];
  forEachLine(bytes, (start, end, line) => {
    if (!hasHighByte(bytes, start, end)) return;
    (isUtf8(bytes.subarray(start, end)) ? utf8Lines : cp1252Lines).push([start, end, line]);
  });
  if (!hasBom && utf8Lines.length === 0) {
    // A plain Windows-1252 file; a single-byte encoding, so it converts in pieces.
    const pieces: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) pieces.push(fromWindows1252(bytes.subarray(offset, offset + CHUNK_BYTES)));
    return { utf8: Buffer.concat(pieces), encoding: 'windows-1252', mixed: [] };
  }
  const isUtf8File = hasBom || utf8Lines.length >= cp1252Lines.length;
  const odd = isUtf8File ? cp1252Lines : utf8Lines;
  const pieces: Buffer[] = [];
  let offset = 0;
  const convertRange = (start: number, end: number): void => {
    if (end > start) pieces.push(isUtf8File ? bytes.subarray(start, end) : fromWindows1252(bytes.subarray(start, end)));
  };
  for (const [start, end] of odd) {
    convertRange(offset, start);
    pieces.push(isUtf8File ? fromWindows1252(bytes.subarray(start, end)) : bytes.subarray(start, end));
    offset = end;
  }
  convertRange(offset, bytes.length);
  return {
    utf8: Buffer.concat(pieces),
    encoding: isUtf8File ? (hasBom ? 'utf-8-bom' : 'utf-8') : 'windows-1252',
    mixed: odd.map(([, , line]) => ({ line, readAs: isUtf8File ? 'windows-1252' : 'utf-8' })),
  };
}

/** The delimiter that occurs most often outside quotes on the header line (`;` when there is none). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && (char === ';' || char === ',' || char === '\t')) counts[char] += 1;
  }
  // Ties go to ';' (Swedish Excel's default), then tab, then comma.
  const order: Delimiter[] = [';', '\t', ','];
  return order.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), order[0]!);
}

/** Header text → comparable form: lower case; spaces, `_`, `-`, `.` dropped; å/ä/ö/é → a/a/o/e. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_.-]/g, '');
}

/**
 * Canonical field → column index. A column matches a field when its normalised header equals the
 * normalised field name or one of the field's aliases.
 */
export function mapHeaders(headers: string[], fields: readonly string[], aliases: Record<string, string[]> = {}): Map<string, number> {
  const normalizedHeaders = headers.map(normalizeHeader);
  const columns = new Map<string, number>();
  for (const field of fields) {
    const accepted = new Set([field, ...(aliases[field] ?? [])].map(normalizeHeader));
    const index = normalizedHeaders.findIndex((header) => accepted.has(header));
    if (index >= 0) columns.set(field, index);
  }
  return columns;
}

/** Fields that more than one column matches (1-based column numbers), which would make the value ambiguous. */
export function duplicateColumns(headers: string[], fields: readonly string[], aliases: Record<string, string[]> = {}): { field: string; columns: number[] }[] {
  const normalizedHeaders = headers.map(normalizeHeader);
  return fields.flatMap((field) => {
    const accepted = new Set([field, ...(aliases[field] ?? [])].map(normalizeHeader));
    const columns = normalizedHeaders.flatMap((header, index) => (accepted.has(header) ? [index + 1] : []));
    return columns.length > 1 ? [{ field, columns }] : [];
  });
}

function isBlank(values: string[]): boolean {
  return values.every((value) => value.trim() === '');
}

/** Reads the file's bytes: only a regular file (no pipe, device or /dev/zero), and not beyond the cap. */
function readRegularFile(path: string, fileLabel: string, limits: CsvReadLimits): Buffer {
  const cannotRead = (message: string): InputError => new InputError([{ file: fileLabel, line: 0, field: '', message }]);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the check below then refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw cannotRead('filen kan inte läsas');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw cannotRead('är ingen vanlig fil (utan t.ex. en pipe eller en enhet); ange själva exportfilen');
    const tooLarge = (): InputError =>
      cannotRead(
        `filen är för stor (över ${megabytes(limits.maxBytes)} MB); dela upp exporten eller höj gränsen med "maxFilstorlekMB" i rehab.config.json`,
      );
    if (stat.size > limits.maxBytes) throw tooLarge();
    // Read to the end, never past the cap (a file that grows while it is read).
    const buffer = Buffer.allocUnsafe(Math.min(limits.maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw tooLarge();
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limits.maxBytes) throw tooLarge();
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead('filen kan inte läsas');
  } finally {
    closeSync(fd);
  }
}

const megabytes = (bytes: number): string => String(Math.round((bytes / 1024 / 1024) * 10) / 10).replace('.', ',');

const CSV_OPTIONS = {
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  // LF, CRLF and CR alike, also mixed in one file (old Mac exports end lines with CR only).
  record_delimiter: ['\r\n', '\n', '\r'],
};

/**
 * Record starts and safe cut points, mirroring csv-parse's quote rules (relax_quotes): a quote opens a quoted
 * field only at the start of a field; inside one, "" is a quote and any other quote ends the quoting.
 */
class RecordScanner {
  line = 1;
  quoting = false;
  /** Line where the record being read started, 0 between records. */
  recordLine = 0;
  private fieldLength = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly delimiter: number,
  ) {}

  /** Scans from `start` until a record ends at or after `minEnd` (or the end); returns the cut offset and pushes record start lines. */
  scan(start: number, minEnd: number, recordLines: number[]): number {
    const { bytes, delimiter } = this;
    for (let index = start; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (this.quoting) {
        if (byte === QUOTE) {
          if (bytes[index + 1] === QUOTE) index++;
          else this.quoting = false;
        } else if (byte === LF || (byte === CR && bytes[index + 1] !== LF)) this.line++;
        this.fieldLength++;
        continue;
      }
      if (byte === LF || byte === CR) {
        if (byte === CR && bytes[index + 1] === LF) index++;
        this.line++;
        this.fieldLength = 0;
        if (this.recordLine !== 0) {
          this.recordLine = 0;
          if (index + 1 >= minEnd) return index + 1;
        }
        continue;
      }
      if (this.recordLine === 0) {
        this.recordLine = this.line;
        recordLines.push(this.line);
      }
      if (byte === delimiter) this.fieldLength = 0;
      else if (byte === QUOTE && this.fieldLength === 0) this.quoting = true;
      else this.fieldLength++;
    }
    return bytes.length;
  }
}

function quoteError(fileLabel: string, line: number): InputError {
  return new InputError([{ file: fileLabel, line, field: '', message: 'felaktig CSV: ett citattecken i raden avslutas aldrig' }]);
}

function misplacedQuoteError(fileLabel: string, line: number): InputError {
  return new InputError([
    {
      file: fileLabel,
      line,
      field: '',
      message: 'felaktig CSV: ett citattecken står fel (ett värde med citattecken ska stå inom citattecken och citattecknen skrivas dubbla)',
    },
  ]);
}

/** csv-parse reports an unclosed quote at the end of the text; the user needs the line where that record starts. */
function unclosedQuoteLine(text: string): number {
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line += 1;
      if (!inQuotes) recordLine = line;
    }
  }
  return recordLine;
}

/**
 * The exact route for text the scanner reads differently from csv-parse: csv-parse's byte offset per record
 * (slower, and all records of the text at once). `firstLine` is the physical line the text starts on.
 */
function parseWithOffsets(utf8: Buffer, firstLine: number, delimiter: Delimiter, fileLabel: string, visit: (values: string[], line: number) => void): void {
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(utf8, { ...CSV_OPTIONS, delimiter, info: true }) as unknown as typeof parsed;
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw quoteError(fileLabel, firstLine - 1 + unclosedQuoteLine(utf8.toString('utf8')));
    throw misplacedQuoteError(fileLabel, lines === undefined ? 0 : firstLine - 1 + lines);
  }
  let offset = 0;
  let line = firstLine;
  const isBreak = (index: number): boolean => utf8[index] === LF || (utf8[index] === CR && utf8[index + 1] !== LF);
  for (const { record, info } of parsed) {
    while (offset < utf8.length && (utf8[offset] === LF || utf8[offset] === CR)) {
      if (isBreak(offset)) line += 1;
      offset += 1;
    }
    const startLine = line;
    for (; offset < info.bytes; offset += 1) if (isBreak(offset)) line += 1;
    visit(record, startLine);
  }
}

/** Called for each record after the header with its cells (not trimmed) and the physical line it starts on. */
export type RecordVisitor = (values: string[], line: number) => void;

/**
 * Reads one CSV file: `begin` gets the header (trimmed) and returns the visitor for the records after it (null:
 * skip them), which sees each non-blank record in file order. Throws InputError (line 0) when the file cannot be
 * read, is no regular file or is too large, or at the line of a broken quote.
 */
export function scanCsvFile(
  path: string,
  fileLabel: string,
  begin: (headers: string[]) => RecordVisitor | null,
  limits: CsvReadLimits = DEFAULT_LIMITS,
): CsvFileInfo {
  const raw = readRegularFile(path, fileLabel, limits);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const { utf8, encoding, mixed } = toUtf8(raw);
  const delimiter = detectDelimiter(utf8.subarray(0, Math.min(utf8.length, 64 * 1024)).toString('utf8'));
  const info: CsvFileInfo = { headers: [], encoding, delimiter, sha256, rows: 0, mixedEncodingLines: mixed.slice(0, MAX_MIXED_LINES_REPORTED) };
  let haveHeader = false;
  let visit: RecordVisitor | null = null;
  const onRecord = (values: string[], line: number): void => {
    if (isBlank(values)) return;
    if (!haveHeader) {
      info.headers = values.map((header) => header.trim());
      haveHeader = true;
      visit = begin(info.headers);
      return;
    }
    info.rows++;
    visit?.(values, line);
  };

  // Piece by piece: csv-parse gives the cells (without a costly info object per record), the scanner the lines.
  const scanner = new RecordScanner(utf8, delimiter.charCodeAt(0));
  for (let start = 0; start < utf8.length; ) {
    const firstLine = scanner.line;
    const recordLines: number[] = [];
    const end = scanner.scan(start, start + (limits.chunkBytes ?? CHUNK_BYTES), recordLines);
    let records: string[][] | null = null;
    try {
      records = parse(utf8.subarray(start, end), { ...CSV_OPTIONS, delimiter }) as string[][];
    } catch (error) {
      if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' && end === utf8.length && scanner.quoting) throw quoteError(fileLabel, scanner.recordLine);
    }
    if (records === null || records.length !== recordLines.length) {
      // The scanner and csv-parse disagree (unusual quoting): the rest of the file the exact way.
      parseWithOffsets(utf8.subarray(start), firstLine, delimiter, fileLabel, onRecord);
      return info;
    }
    for (let index = 0; index < records.length; index++) onRecord(records[index]!, recordLines[index]!);
    start = end;
  }
  return info;
}

/** Reads and parses one CSV file into memory (small files: the meetings list, tests). */
export function readCsvFile(path: string, fileLabel: string, limits: CsvReadLimits = DEFAULT_LIMITS): CsvFile {
  const records: CsvRecord[] = [];
  const info = scanCsvFile(path, fileLabel, () => (values, line) => records.push({ line, values }), limits);
  return { ...info, records };
}
