import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCellText } from '../../src/render/cellText.js';
import { safeLine, safeModel, safeTerminalText, safeText, terminalJson } from '../../src/render/safeText.js';
import { xmlProblem } from '../helpers/xmlWellFormed.js';

// Everything XML 1.0 forbids, plus what a terminal would act on (C1, DEL, bidi overrides).
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('safeText', () => {
  it('turns every kind of line break into \\n and drops controls, keeping å/ä/ö, tab and emoji', () => {
    expect(safeText('Hemtjänst\u000BÖstra')).toBe('Hemtjänst\nÖstra'); // Excel's line break in a cell
    expect(safeText('a\r\nb\rc\u000Cd\u2028e\u0085f')).toBe('a\nb\nc\nd\ne\nf');
    expect(safeText('\u001B[31mRöd\u001B[0m\u0001')).toBe('[31mRöd[0m');
    expect(safeText('Nord\u202Eväst\u2066')).toBe('Nordväst');
    expect(safeText('a\tb 😀 \uD800x\uDFFF')).toBe('a\tb 😀 x');
    expect(safeText('\uFFFE\u007F\u0090ok')).toBe('ok');
  });

  it('keeps ordinary text as it is (the same string)', () => {
    const text = 'Vård- och omsorgsförvaltningen – Åsa Ekström, 12,5 %';
    expect(safeText(text)).toBe(text);
  });

  it('safeLine makes one line: each run of breaks or tabs is one space', () => {
    expect(safeLine('Åsa\r\nBcc: x@evil.se\r\n Ekström')).toBe('Åsa Bcc: x@evil.se  Ekström');
    expect(safeLine('a\t\tb\u000Bc')).toBe('a b c');
  });

  it('safeTerminalText keeps CRLF (CSV on stdout) and LF but no ESC, lone CR or bidi override', () => {
    expect(safeTerminalText('E10\u001B[31m;x\r\ny\rz\u202E\n')).toBe('E10[31m;x\r\nyz\n');
  });

  it('terminalJson escapes what a terminal would act on, and the JSON reads back to the same value', () => {
    const value = { name: 'Enhet\u202Eväst\u2028\u0085\u001B' };
    const json = terminalJson(value);
    expect(safeTerminalText(json)).toBe(json);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('safeModel cleans every string of a nested model and leaves numbers, booleans and null', () => {
    const model = { title: 'a\u0001b', rows: [{ cells: ['x\u000By', 3, null, true] }], nested: { deep: ['\u001B'] } };
    expect(safeModel(model)).toEqual({ title: 'ab', rows: [{ cells: ['x\ny', 3, null, true] }], nested: { deep: [''] } });
    expect(model.title).toBe('a\u0001b'); // a copy: the caller's model is untouched
  });

  it('property: any string comes out without forbidden characters, valid in an XML text node, and idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const clean = safeText(text);
        expect(FORBIDDEN.test(clean)).toBe(false);
        expect(safeText(clean)).toBe(clean);
        expect(safeLine(clean)).not.toMatch(/[\r\n\t]/);
        const escaped = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        expect(xmlProblem(`<t>${escaped}</t>`)).toBeNull();
        expect(FORBIDDEN.test(safeTerminalText(text))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('neutralizeCellText', () => {
  it('removes control characters before it looks for a formula start, so removing one cannot uncover a formula', () => {
    expect(neutralizeCellText('\u0001=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeCellText('\u202E+1+1')).toBe("'+1+1");
    expect(neutralizeCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCellText('\tx')).toBe("'\tx");
    expect(neutralizeCellText('Hemtjänst')).toBe('Hemtjänst');
  });
});
