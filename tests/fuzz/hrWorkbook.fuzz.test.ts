// Fuzzing the HR workbook reader (issue 13): aggregate reads back workbooks that HR saved in Excel or LibreOffice,
// or that someone replaced. Whatever the bytes or the XML inside, parseHrWorkbookReflections returns reflections or
// throws an InputError naming the file — never another error.
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHrWorkbookReflections } from '../../src/input/hrWorkbookReader.js';
import { renderHrWorkbook } from '../../src/render/hrWorkbook.js';
import { writeXlsx } from '../../src/write/xlsxWriter.js';
import { hrWorkbookInput } from '../render/hrWorkbookInput.js';
import { count, countOutcome, hostileValue, numRuns, reportCounts } from './harness.js';

let workbook: Buffer;
let parts: Map<string, string>;
beforeAll(async () => {
  workbook = await writeXlsx(renderHrWorkbook(hrWorkbookInput()));
  const zip = await JSZip.loadAsync(workbook);
  parts = new Map();
  for (const name of Object.keys(zip.files)) if (/\.xml$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
});
afterAll(() => reportCounts('hrWorkbook'));

const PROPERTY = 'HR workbook';

async function outcome(bytes: Buffer): Promise<void> {
  try {
    await parseHrWorkbookReflections(bytes, 'Alt 1.xlsx');
    countOutcome(PROPERTY, 'read');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    countOutcome(PROPERTY, 'InputError');
    for (const line of error.formatLines().filter((text) => !text.startsWith('… och '))) expect(line).toMatch(/^Alt 1\.xlsx(:\d+)?: .+/);
  }
}

const xmlEdit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(hostileValue, fc.constantFrom('<', '>', '&', '&amp;', '<x>', '</row>', '<c r="A1" t="s"><v>99999</v></c>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', ']]>', '\u0000')) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replaceText' as const), at: fc.nat(), text: hostileValue }),
);

describe('parseHrWorkbookReflections on fuzzed workbooks', () => {
  it('property: byte damage (truncation, flipped bytes) gives reflections or an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }), fc.boolean(), async (cut, flips, truncate) => {
        count(PROPERTY);
        const bytes = Buffer.from(workbook);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        await outcome(truncate ? bytes.subarray(0, cut % bytes.length) : bytes);
      }),
      { numRuns: numRuns(20, 3_000) },
    );
  });

  it('property: edited XML inside the package (what a hand-edit or another program writes) gives reflections or an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts.keys()), fc.array(xmlEdit, { minLength: 1, maxLength: 3 }), async (part, edits) => {
        count(PROPERTY);
        let xml = parts.get(part)!;
        for (const edit of edits) {
          const at = edit.at % (xml.length + 1);
          if (edit.kind === 'insert') xml = xml.slice(0, at) + edit.text + xml.slice(at);
          else if (edit.kind === 'truncate') xml = xml.slice(0, at);
          else {
            // Replace the text of one element (between a '>' and the next '<') with a hostile value.
            const open = xml.indexOf('>', at);
            const close = open < 0 ? -1 : xml.indexOf('<', open);
            if (close > open) xml = xml.slice(0, open + 1) + edit.text.replace(/&/g, '&amp;').replace(/</g, '&lt;') + xml.slice(close);
          }
        }
        const zip = await JSZip.loadAsync(workbook);
        zip.file(part, xml);
        await outcome(await zip.generateAsync({ type: 'nodebuffer' }));
      }),
      { numRuns: numRuns(20, 3_000) },
    );
  });
});
