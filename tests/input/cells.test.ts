import { describe, expect, it } from 'vitest';
import { parseDateCell, parseNumberCell } from '../../src/input/cells.js';

describe('parseDateCell', () => {
  it('accepts YYYY-MM-DD, YYYYMMDD and a time that is dropped', () => {
    expect(parseDateCell('2027-02-28')).toEqual({ ok: true, value: '2027-02-28' });
    expect(parseDateCell('20270228')).toEqual({ ok: true, value: '2027-02-28' });
    expect(parseDateCell('2027-02-28 14:30')).toEqual({ ok: true, value: '2027-02-28' });
    expect(parseDateCell('2027-02-28 7:05:59')).toEqual({ ok: true, value: '2027-02-28' });
    expect(parseDateCell('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('rejects dates that do not exist', () => {
    expect(parseDateCell('2027-02-30')).toEqual({ ok: false, message: 'datumet finns inte' });
    expect(parseDateCell('2027-02-29')).toEqual({ ok: false, message: 'datumet finns inte' });
    expect(parseDateCell('20271301')).toEqual({ ok: false, message: 'datumet finns inte' });
    expect(parseDateCell('2027-04-31 08:00')).toEqual({ ok: false, message: 'datumet finns inte' });
  });

  it('rejects other forms and unreasonable years', () => {
    for (const text of ['2027-2-3', '28/02/2027', '1 okt 2026', '2027-02-28T', '202702281']) {
      expect(parseDateCell(text)).toEqual({ ok: false, message: 'ogiltigt datum, ange ÅÅÅÅ-MM-DD' });
    }
    expect(parseDateCell('0026-03-01')).toEqual({ ok: false, message: 'orimligt årtal, ange ett år mellan 1900 och 2100' });
  });
});

describe('parseNumberCell', () => {
  it('accepts decimal comma, decimal point and a trailing percent sign', () => {
    expect(parseNumberCell('37,5')).toEqual({ ok: true, value: 37.5 });
    expect(parseNumberCell('37.5')).toEqual({ ok: true, value: 37.5 });
    expect(parseNumberCell('100')).toEqual({ ok: true, value: 100 });
    expect(parseNumberCell('50 %')).toEqual({ ok: true, value: 50 });
  });

  it('rejects text and thousands separators', () => {
    for (const text of ['x', '1.000,5', '37,', ',5', '5 0']) expect(parseNumberCell(text)).toEqual({ ok: false, message: 'ogiltigt tal' });
  });
});
