import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, mapHeaders, normalizeHeader, readCsvFile } from '../../src/input/csvFile.js';
import { fixturePath } from '../helpers/runCli.js';

function tempFile(content: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rehab-csv-')), 'fil.csv');
  writeFileSync(path, content);
  return path;
}

const scenario = (name: string, file = 'anstallda.csv') => readCsvFile(fixturePath('scenarios', name, file), file);

describe('readCsvFile: encodings', () => {
  it('decodes Windows-1252 bytes so that "Östra Örgryte" comes out right', () => {
    const csv = scenario('windows-1252');
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.delimiter).toBe(';');
    expect(csv.records[0]!.values.slice(1, 2)).toEqual(['Astrid Lövgren']);
    expect(csv.records[0]!.values[7]).toBe('Hemtjänst Östra Örgryte');
    expect(csv.records[0]!.values[8]).toBe('Åsa Ekström');
    // CRLF line ends: no '\r' left in the last cell, lines still 2..5
    expect(csv.records.map((record) => record.line)).toEqual([2, 3, 4, 5]);
    expect(csv.records[1]!.values[14]).toBe('2026-06-30');
  });

  it('reads Swedish letters in Windows-1252 headers', () => {
    expect(scenario('windows-1252', 'rehabarenden.csv').headers.slice(0, 2)).toEqual(['ärende_id', 'anställnings_id']);
  });

  it('uses iconv for €, – and curly quotes (bytes 0x80, 0x96, 0x93, 0x94)', () => {
    const decoded = decodeCsvBytes(Buffer.from([0x80, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94, 0x20, 0xd6]));
    expect(decoded).toEqual({ text: '€ – “x” Ö', encoding: 'windows-1252' });
  });

  it('drops a UTF-8 BOM and reports it', () => {
    const csv = scenario('utf8-bom');
    expect(csv.encoding).toBe('utf-8-bom');
    expect(csv.headers[0]).toBe('anstallnings_id');
    expect(csv.records[0]!.values[7]).toBe('Hemtjänst Östra Örgryte');
  });

  it('takes plain ASCII and valid UTF-8 as UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from('a;b\n1;2\n')).encoding).toBe('utf-8');
    expect(decodeCsvBytes(Buffer.from('namn\nÖstra\n', 'utf8'))).toEqual({ text: 'namn\nÖstra\n', encoding: 'utf-8' });
  });
});

describe('readCsvFile: delimiters and quoting', () => {
  it('detects comma and keeps quoted commas inside a value', () => {
    const csv = scenario('comma-delimited');
    expect(csv.delimiter).toBe(',');
    expect(csv.headers).toHaveLength(15);
    expect(csv.records[0]!.values[3]).toBe('Vård, omsorg och stöd');
    expect(csv.records[3]!.values[10]).toBe('37,5');
  });

  it('detects tab', () => {
    const csv = scenario('tab-delimited', 'sjukfranvaro.csv');
    expect(csv.delimiter).toBe('\t');
    expect(csv.records[1]!.values).toEqual(['1001', '2026-10-10', '', '50']);
  });

  it('counts delimiters outside quotes only', () => {
    expect(detectDelimiter('"a;b;c;d",e,f\n1;2;3;4;5;6')).toBe(',');
    expect(detectDelimiter('a;b,c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc;d\n')).toBe('\t');
    expect(detectDelimiter('ensam\n')).toBe(';');
  });

  it('keeps a delimiter and a newline inside a quoted field, and the next record on its physical line', () => {
    const csv = scenario('quoted-newline');
    expect(csv.records[0]!.values[7]).toBe('Hemtjänst Östra Örgryte; natt\noch helg');
    expect(csv.records[0]!.values[8]).toBe('Åsa Ekström');
    // record 1 spans lines 2–3, so the next records start on lines 4, 5 and 6
    expect(csv.records.map((record) => record.line)).toEqual([2, 4, 5, 6]);
  });

  it('counts CRLF inside quotes once and skips empty lines without losing count', () => {
    const path = tempFile('a;b\r\n"x\r\ny\r\nz";1\r\n\r\n\r\n2;3\r\n;\r\n4;5\r\n\r\n');
    const csv = readCsvFile(path, 'fil.csv');
    // line 2–4: the quoted record; 5, 6 empty; 7: "2;3"; 8: ";" (all cells empty, skipped); 9: "4;5"
    expect(csv.records).toEqual([
      { line: 2, values: ['x\r\ny\r\nz', '1'] },
      { line: 7, values: ['2', '3'] },
      { line: 9, values: ['4', '5'] },
    ]);
  });

  it('skips empty lines before the header', () => {
    const csv = readCsvFile(tempFile('\n\nnamn;id\nA;1\n'), 'fil.csv');
    expect(csv.headers).toEqual(['namn', 'id']);
    expect(csv.records).toEqual([{ line: 4, values: ['A', '1'] }]);
  });

  it('reports a quote that is never closed at the line where its record starts', () => {
    const path = tempFile('a;b\n1;2\n3;"öppen\n4;5\n');
    expect(() => readCsvFile(path, 'sjukfranvaro.csv')).toThrow(
      expect.objectContaining({ problems: [{ file: 'sjukfranvaro.csv', line: 3, field: '', message: 'felaktig CSV: ett citattecken i raden avslutas aldrig' }] }),
    );
  });

  it('hashes the raw bytes (sha256 of "abc" is the FIPS 180-2 test vector)', () => {
    expect(readCsvFile(tempFile('abc'), 'fil.csv').sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives an empty header list for an empty file', () => {
    expect(readCsvFile(tempFile(''), 'fil.csv')).toMatchObject({ headers: [], records: [] });
  });
});

describe('normalizeHeader and mapHeaders', () => {
  it('ignores case, spaces, _, -, . and å/ä/ö/é', () => {
    expect(normalizeHeader('Anställnings ID')).toBe('anstallningsid');
    expect(normalizeHeader('anstallnings_id')).toBe('anstallningsid');
    expect(normalizeHeader('SYSSELSÄTTNINGS-GRAD')).toBe('sysselsattningsgrad');
    expect(normalizeHeader('Anst.nr')).toBe('anstnr');
    expect(normalizeHeader('Född år')).toBe('foddar');
    expect(normalizeHeader('Enhet (kod)')).toBe('enhet(kod)');
    expect(normalizeHeader('Café')).toBe('cafe');
    // decomposed å (a + ring) as macOS may write it
    expect(normalizeHeader('Ärende\u0041\u030a')).toBe('arendea');
  });

  it('maps canonical names and config aliases to column indexes, leftmost match winning', () => {
    const headers = ['Övrigt', 'Anst.nr', 'NAMN', 'Anställnings ID', 'Sjukgrad'];
    const columns = mapHeaders(headers, ['anstallnings_id', 'namn', 'omfattning', 'enhet'], {
      anstallnings_id: ['anst nr'],
      omfattning: ['Sjukgrad', 'Grad'],
    });
    expect(Object.fromEntries(columns)).toEqual({ anstallnings_id: 1, namn: 2, omfattning: 4 });
  });

  it('matches a built-in name when there is no alias', () => {
    expect(Object.fromEntries(mapHeaders(['CHEF E-POST', 'chef namn'], ['chef_namn', 'chef_epost']))).toEqual({ chef_namn: 1, chef_epost: 0 });
  });
});

describe('readCsvFile: hostile and broken files (issue 13)', () => {
  it('counts lines in a file with CR-only line ends (old Mac exports)', () => {
    const csv = readCsvFile(tempFile('a;b\r1;2\r\r3;4\r'), 'fil.csv');
    // line 1 header, 2 "1;2", 3 empty, 4 "3;4"
    expect(csv.records).toEqual([
      { line: 2, values: ['1', '2'] },
      { line: 4, values: ['3', '4'] },
    ]);
  });

  it('reads LF, CRLF and CR mixed in one file, each as one line end', () => {
    const csv = readCsvFile(tempFile('a;b\r\n1;2\n3;4\r5;6\r\n'), 'fil.csv');
    expect(csv.records.map((record) => [record.line, ...record.values])).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
      [4, '5', '6'],
    ]);
  });

  it('reads one stray Windows-1252 line of a UTF-8 file in its own encoding and names the line', () => {
    // Lines 2 and 4 are UTF-8 (Ö = C3 96), line 3 has a Windows-1252 ö (F6)
    const bytes = Buffer.concat([Buffer.from('namn;ort\nÅsa;Östra\n', 'utf8'), Buffer.from([0x42, 0x6f, 0x3b, 0x4d, 0xf6, 0x6c, 0x6e, 0x64, 0x61, 0x6c, 0x0a]), Buffer.from('Örjan;Älvsby\n', 'utf8')]);
    const csv = readCsvFile(tempFile(bytes), 'fil.csv');
    expect(csv.encoding).toBe('utf-8');
    expect(csv.records.map((record) => record.values)).toEqual([
      ['Åsa', 'Östra'],
      ['Bo', 'Mölndal'],
      ['Örjan', 'Älvsby'],
    ]);
    expect(csv.mixedEncodingLines).toEqual([{ line: 3, readAs: 'windows-1252' }]);
  });

  it('reads a UTF-8 line in a Windows-1252 file as UTF-8 and names it', () => {
    // Lines 2 and 3 in Windows-1252 (Å = C5, ö = F6), line 4 in UTF-8 (ä = C3 A4)
    const bytes = Buffer.concat([Buffer.from('namn;ort\n'), Buffer.from([0xc5, 0x73, 0x61, 0x3b, 0x78, 0x0a, 0x42, 0xf6, 0x3b, 0x79, 0x0a]), Buffer.from('Kä;z\n', 'utf8')]);
    const csv = readCsvFile(tempFile(bytes), 'fil.csv');
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.records.map((record) => record.values[0])).toEqual(['Åsa', 'Bö', 'Kä']);
    expect(csv.mixedEncodingLines).toEqual([{ line: 4, readAs: 'utf-8' }]);
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rehab-fifo-'));
    const fifo = join(dir, 'anstallda.csv');
    execFileSync('mkfifo', [fifo]);
    expect(() => readCsvFile(fifo, 'anstallda.csv')).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ file: 'anstallda.csv', line: 0, message: expect.stringMatching(/^är ingen vanlig fil/) })] }),
    );
  });

  it('refuses a symlink to /dev/zero (a device, not a file)', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'rehab-zero-')), 'sjukfranvaro.csv');
    symlinkSync('/dev/zero', link);
    expect(() => readCsvFile(link, 'sjukfranvaro.csv')).toThrow(/är ingen vanlig fil/);
  });

  it('refuses a file over the size cap before parsing it, naming the cap and the config key', () => {
    // 2 MiB of rows against a 1 MiB cap
    const path = tempFile(`a;b\n${'1;2\n'.repeat(512 * 1024)}`);
    expect(() => readCsvFile(path, 'sjukfranvaro.csv', { maxBytes: 1024 * 1024 })).toThrow(
      expect.objectContaining({
        problems: [{ file: 'sjukfranvaro.csv', line: 0, field: '', message: 'filen är för stor (över 1 MB); dela upp exporten eller höj gränsen med "maxFilstorlekMB" i rehab.config.json' }],
      }),
    );
    expect(readCsvFile(path, 'sjukfranvaro.csv', { maxBytes: 3 * 1024 * 1024 }).rows).toBe(512 * 1024);
  });

  it('gives the same records and lines when a file is parsed in several pieces', () => {
    // About 10 MB: more than two 4 MB pieces; every 1000th record has a quoted newline
    const rows = Array.from({ length: 300_000 }, (_, index) => (index % 1000 === 0 ? `${index};"rad\nett"` : `${index};värde med å ${index}`));
    const csv = readCsvFile(tempFile(`id;text\n${rows.join('\n')}\n`), 'fil.csv');
    expect(csv.records).toHaveLength(300_000);
    // record k starts on line 2 + k + (number of quoted newlines before it) = 2 + k + ceil(k / 1000)
    for (const k of [0, 1, 999, 1000, 1001, 150_000, 299_999]) {
      expect(csv.records[k]).toEqual({ line: 2 + k + Math.ceil(k / 1000), values: [String(k), k % 1000 === 0 ? 'rad\nett' : `värde med å ${k}`] });
    }
  });
});
