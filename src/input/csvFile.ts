// One CSV export read from disk: encoding and delimiter detected, records with the physical line they start on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

export interface CsvFile {
  headers: string[];
  records: CsvRecord[];
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  sha256: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;
const CR = 0x0d;

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (what Excel writes on Swedish Windows). */
export function decodeCsvBytes(bytes: Buffer): { text: string; encoding: DetectedEncoding } {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  if (hasBom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node's own windows-1252 decoder gets €, – and curly quotes wrong; iconv-lite does not.
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
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
 * normalised field name or one of the field's aliases; the leftmost matching column wins.
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

/** csv-parse reports an unclosed quote at the end of the file; the user needs the line where that record starts. */
function unclosedQuoteLine(text: string): number {
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === '\n') {
      line += 1;
      if (!inQuotes) recordLine = line;
    }
  }
  return recordLine;
}

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

function isBlank(values: string[]): boolean {
  return values.every((value) => value.trim() === '');
}

/** Reads and parses one CSV file. Throws InputError (line 0) when it cannot be read, or at the line of a broken quote. */
export function readCsvFile(path: string, fileLabel: string): CsvFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InputError([{ file: fileLabel, line: 0, field: '', message: 'filen kan inte läsas' }]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  // Parse UTF-8 bytes so csv-parse's byte offsets index the same buffer the line numbers are counted in.
  const buffer = Buffer.from(text, 'utf8');
  let parsed: ParsedRecord[];
  try {
    parsed = parse(buffer, {
      delimiter,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new InputError([{ file: fileLabel, line: unclosedQuoteLine(text), field: '', message: 'felaktig CSV: ett citattecken i raden avslutas aldrig' }]);
    }
    throw new InputError([{ file: fileLabel, line: lines ?? 0, field: '', message: 'felaktig CSV: ett citattecken står fel (ett värde med citattecken ska stå inom citattecken och citattecknen skrivas dubbla)' }]);
  }

  // info.lines is unreliable with CRLF inside quotes, so count newlines up to each record's first byte.
  const records: CsvRecord[] = [];
  let headers: string[] | null = null;
  let offset = 0;
  let line = 1;
  for (const { record, info } of parsed) {
    while (offset < buffer.length && (buffer[offset] === LF || buffer[offset] === CR)) {
      if (buffer[offset] === LF) line += 1;
      offset += 1;
    }
    const startLine = line;
    for (; offset < info.bytes; offset += 1) if (buffer[offset] === LF) line += 1;
    if (isBlank(record)) continue;
    if (headers === null) headers = record.map((header) => header.trim());
    else records.push({ line: startLine, values: record });
  }
  return { headers: headers ?? [], records, encoding, delimiter, sha256 };
}
