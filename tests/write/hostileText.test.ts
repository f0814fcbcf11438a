// Text from the data with control characters, formula starts and header breaks, through every writer (SPEC §7,
// issue 13): each package part stays well-formed XML, no chart workbook holds a formula start, no header breaks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeckModel } from '../../src/render/deckModel.js';
import { numberCell, textCell } from '../../src/render/deckModel.js';
import type { WorkbookModel } from '../../src/render/workbookModel.js';
import { buildEml } from '../../src/write/emlWriter.js';
import { buildMeetingRequest } from '../../src/write/icsWriter.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { writeXlsx } from '../../src/write/xlsxWriter.js';
import { embeddedWorkbookTexts, packageXmlProblems } from '../helpers/xmlWellFormed.js';

// A vertical tab (Excel exports), SOH, an ANSI colour escape, a bidi override, a non-character and a lone surrogate.
const UNIT = 'Hemtjänst\u000BÖstra\u0001 \u001B[31mRÖD\u202E\uFFFE\uD800';
const FORMULA_UNIT = '=HYPERLINK("http://x","klick")';
const MANAGER = 'Åsa\r\nBcc: angripare@example.com\r\n Ekström';
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\uFFFE]/;

const hostileDeck: DeckModel = {
  title: `Bildspel ${UNIT}`,
  footer: `Sidfot ${MANAGER}`,
  slides: [
    { kind: 'title', title: UNIT, subtitle: MANAGER, details: [UNIT, FORMULA_UNIT] },
    {
      kind: 'table',
      title: `Tabell ${UNIT}`,
      columns: [
        { header: `Enhet ${UNIT}`, width: 3, align: 'left' },
        { header: 'Totalt %', width: 1, align: 'right' },
      ],
      rows: [{ cells: [textCell(UNIT), numberCell(9.75)] }, { cells: [textCell(FORMULA_UNIT), numberCell(1)] }],
      note: UNIT,
      highlight: MANAGER,
    },
    {
      kind: 'barChart',
      title: UNIT,
      horizontal: true,
      chart: {
        categories: [UNIT, FORMULA_UNIT, '+46 Norr', '-Väst', '@Syd', 'Förvaltningen'],
        series: [{ name: `=1+1 ${UNIT}`, values: [3, 2, 1, 1, 1, 2] }],
        valueAxisTitle: UNIT,
        categoryAxisTitle: UNIT,
      },
      note: UNIT,
    },
    {
      kind: 'lineChart',
      title: UNIT,
      chart: {
        categories: ['jan 2027', 'feb 2027'],
        series: [{ name: FORMULA_UNIT, values: [1, 2] }, { name: UNIT, values: [2, null] }],
        valueAxisTitle: 'Procent',
        categoryAxisTitle: 'Månad',
      },
    },
    { kind: 'bullets', title: UNIT, paragraphs: [{ style: 'heading', text: UNIT }, { style: 'bullet', text: MANAGER }], tag: UNIT },
  ],
};

describe('pptx with hostile text from the data', () => {
  it('every part, embedded chart workbooks included, is well-formed XML', async () => {
    const problems = await packageXmlProblems(await renderPptx(hostileDeck));
    expect(Object.fromEntries(problems)).toEqual({});
  });

  it('no cell of an embedded chart workbook ("Redigera data") starts like a formula', async () => {
    const texts = await embeddedWorkbookTexts(await renderPptx(hostileDeck));
    expect(texts).toContain('\'=HYPERLINK("http://x","klick")');
    expect(texts).toContain("'+46 Norr");
    expect(texts).toContain("'-Väst");
    expect(texts).toContain("'@Syd");
    expect(texts.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
    expect(texts.filter((text) => CONTROL.test(text))).toEqual([]);
  });
});

describe('xlsx with hostile text from the data', () => {
  const workbook: WorkbookModel = {
    title: `Arbetsbok ${UNIT}`,
    created: '2027-02-10',
    sheets: [
      {
        name: 'Enheter',
        state: 'visible',
        columns: [{ width: 30, wrap: true }, { width: 10 }],
        rows: [
          { style: 'title', cells: [{ kind: 'text', text: MANAGER }] },
          { style: 'body', cells: [{ kind: 'text', text: UNIT }, { kind: 'text', text: `\u0001${FORMULA_UNIT}` }] },
        ],
        validations: [
          { range: { fromRow: 2, fromColumn: 2, toRow: 2, toColumn: 2 }, source: { sheet: 'Enheter', range: { fromRow: 1, fromColumn: 1, toRow: 2, toColumn: 1 } }, errorTitle: UNIT, error: MANAGER },
        ],
      },
    ],
  };

  it('every part is well-formed XML and a control character cannot uncover a formula start', async () => {
    const bytes = await writeXlsx(workbook);
    expect(Object.fromEntries(await packageXmlProblems(bytes))).toEqual({});
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = read.getWorksheet('Enheter')!;
    expect(sheet.getCell('A2').value).toBe('Hemtjänst\nÖstra [31mRÖD');
    expect(sheet.getCell('B2').value).toBe(`'${FORMULA_UNIT}`);
    expect(sheet.getCell('A1').value).toBe('Åsa\nBcc: angripare@example.com\n Ekström');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'rehab-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PARSE = `
import email, email.policy, json, sys
raw = open(sys.argv[1], 'rb').read()
message = email.message_from_bytes(raw, policy=email.policy.strict)
to = message['to'].addresses[0]
print(json.dumps({'to': [to.display_name, to.addr_spec], 'bcc': message['bcc'], 'subject': message['subject'], 'defects': len(message.defects),
                  'headers': [name for name in message.keys()]}))
`;

describe('mail with CR/LF in chef_namn', () => {
  it('the To display name is one line: no header injection, no CR/LF inside the encoded word, no defects for a strict parser', async () => {
    const eml = await buildEml({
      from: { name: `HR\u0001 ${UNIT}`, email: 'hr@kommun.example' },
      to: { name: MANAGER, email: 'asa.ekstrom@kommun.example' },
      subject: `Inbjudan\r\nBcc: x@example.com ${UNIT}`,
      text: `Hej ${MANAGER}\u0001`,
      html: `<p>Hej ${UNIT}</p>`,
      date: new Date(Date.UTC(2027, 0, 20)),
    });
    const raw = eml.toString('latin1');
    const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
    // Unfolded, every header line is "Name: value"; an encoded word decodes without CR or LF.
    const unfolded = headerBlock.replace(/\r\n[ \t]/g, ' ').split('\r\n');
    expect(unfolded.every((line) => /^[A-Za-z-]+: /.test(line))).toBe(true);
    for (const word of headerBlock.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi)) {
      const decoded = word[1]!.toUpperCase() === 'B' ? Buffer.from(word[2]!, 'base64').toString('utf8') : Buffer.from(word[2]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
      expect(decoded).not.toMatch(/[\r\n]/);
      expect(CONTROL.test(decoded)).toBe(false);
    }
    const path = join(dir, 'hostile.eml');
    writeFileSync(path, eml);
    const result = spawnSync('python3', ['-c', PARSE, path], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as { to: [string, string]; bcc: string | null; subject: string; defects: number; headers: string[] };
    expect(parsed.defects).toBe(0);
    expect(parsed.bcc).toBeNull();
    // Python puts a space where nodemailer splits a long name into two encoded words, so compare without spaces.
    expect(parsed.to[0].replace(/ /g, '')).toBe('ÅsaBcc:angripare@example.comEkström');
    expect(parsed.to[1]).toBe('asa.ekstrom@kommun.example');
    expect(parsed.subject).toBe('Inbjudan Bcc: x@example.com Hemtjänst Östra [31mRÖD');
  });
});

describe('meeting request with hostile text', () => {
  it('no property carries a control character and every property stays on its own (folded) line', () => {
    const ics = buildMeetingRequest({
      start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: `Rum\r\nATTENDEE:mailto:x@example.com ${UNIT}`,
      title: `Möte\nX-INJECT:1 ${UNIT}`, description: `Rad ett\nRad två ${UNIT}`,
      organizer: { name: `HR "x"\r\nX: y ${UNIT}`, email: 'hr@kommun.example' },
      attendee: { name: MANAGER, email: 'asa.ekstrom@kommun.example' },
      uid: 'abc@rehab', stamp: new Date(Date.UTC(2027, 0, 20)),
    });
    expect(CONTROL.test(ics)).toBe(false);
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
    expect(lines.filter((line) => line.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('X-INJECT'))).toBe(false);
    expect(lines.every((line) => /^[A-Z-]+[;:]/.test(line))).toBe(true);
    expect(lines.find((line) => line.startsWith('DESCRIPTION'))).toContain('Rad ett\\nRad två');
  });
});
