// Fuzzing the piecewise CSV reader (issue 13: "csv input fed in odd chunks"): scanCsvFile parses a file in pieces cut
// at record ends it finds itself. Wherever the pieces are cut, the cells, the line numbers and the errors must be the
// ones of reading the file in one piece, and the cells those of csv-parse on the whole text (an independent route).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { scanCsvFile } from '../../src/input/csvFile.js';
import { count, countOutcome, numRuns, reportCounts } from './harness.js';

const work = mkdtempSync(join(tmpdir(), 'rehab-fuzz-chunks-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  reportCounts('chunks');
});

type Outcome = { rows: { line: number; values: string[] }[]; headers: string[] } | { error: string[] };

function scan(path: string, chunkBytes: number): Outcome {
  const rows: { line: number; values: string[] }[] = [];
  try {
    const info = scanCsvFile(path, 'test.csv', () => (values, line) => rows.push({ line, values }), { maxBytes: 10 * 1024 * 1024, chunkBytes });
    return { rows, headers: info.headers };
  } catch (error) {
    if (error instanceof InputError) return { error: error.formatLines() };
    throw error;
  }
}

// Text made of what breaks CSV readers: quotes, delimiters, every line ending, blank lines, spaces and å.
const csvText = fc
  .array(fc.constantFrom('a', 'bb', 'å', ' ', ';', ';', '"', '""', '\n', '\n', '\r\n', '\r', '\n\n', 'x"y', '"q;r"', '"m\nn"'), { minLength: 1, maxLength: 60 })
  .map((parts) => `h1;h2;h3\n${parts.join('')}`);

describe('scanCsvFile in odd pieces', () => {
  it('property: any piece size gives the cells, lines and errors of one piece', () => {
    let index = 0;
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 40 }), (text, chunkBytes) => {
        count('csv text in pieces');
        index += 1;
        const path = join(work, `${index}.csv`);
        writeFileSync(path, text);
        const whole = scan(path, 1 << 30);
        const pieces = scan(path, chunkBytes);
        countOutcome('csv text in pieces', 'error' in whole ? 'error' : 'rows');
        expect(pieces).toEqual(whole);
        if (!('error' in whole)) {
          // The same cells as csv-parse on the whole text (blank records dropped, as the reader does).
          const direct = (parse(text, { delimiter: ';', relax_quotes: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][])
            .filter((record) => !record.every((cell) => cell.trim() === ''));
          expect([whole.headers, ...whole.rows.map((row) => row.values)]).toEqual([direct[0]!.map((cell) => cell.trim()), ...direct.slice(1)]);
        }
        rmSync(path);
      }),
      { numRuns: numRuns(300, 20_000) },
    );
  });
});
