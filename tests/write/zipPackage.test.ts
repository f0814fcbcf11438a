import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZip, recompressZip, replacePartData, writeZip } from '../../src/write/zipPackage.js';

// A package as the document libraries build it: folder entries, a UTF-8 name, parts of several sizes.
async function jszipPackage(compression: 'STORE' | 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.folder('ppt')?.folder('slides');
  zip.file('ppt/slides/slide1.xml', `<p:sld>${'<a:t>Sjukfrånvaro för Åsa Öberg</a:t>'.repeat(400)}</p:sld>`);
  zip.file('ppt/media/bild – ä.bin', Buffer.from([0, 1, 2, 255, 254, 0, 13, 10]));
  zip.file('tom.txt', '');
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

async function jszipParts(zip: Buffer): Promise<[string, boolean, string][]> {
  const loaded = await JSZip.loadAsync(zip, { checkCRC32: true });
  const parts: [string, boolean, string][] = [];
  for (const [name, entry] of Object.entries(loaded.files)) parts.push([name, entry.dir, entry.dir ? '' : (await entry.async('nodebuffer')).toString('hex')]);
  return parts;
}

/** [name, compression method] of every local header, walked straight from the bytes (method at offset 8). */
function localMethods(zip: Buffer): [string, number][] {
  const methods: [string, number][] = [];
  for (let offset = 0; zip.readUInt32LE(offset) === 0x04034b50; ) {
    const nameLength = zip.readUInt16LE(offset + 26);
    methods.push([zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8'), zip.readUInt16LE(offset + 8)]);
    offset += 30 + nameLength + zip.readUInt16LE(offset + 28) + zip.readUInt32LE(offset + 18);
  }
  return methods;
}

describe('readZip', () => {
  it('reads what JSZip writes, stored or deflated, in the same order', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const zip = await jszipPackage(compression);
      const parts = readZip(zip);
      const expected = await jszipParts(zip);
      expect(parts.map((part) => [part.name, part.name.endsWith('/'), part.name.endsWith('/') ? '' : part.data.toString('hex')])).toEqual(expected);
      expect(parts.find((part) => part.name === 'ppt/media/bild – ä.bin')?.utf8Name).toBe(true);
    }
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => readZip(Buffer.from('inte en zip-fil, bara text som är längre än 22 byte'))).toThrow(/not a zip/);
  });
});

describe('writeZip and recompressZip', () => {
  it('keep every part, its name, order and bytes, and JSZip checks the CRCs', async () => {
    const stored = await jszipPackage('STORE');
    const recompressed = recompressZip(stored);
    expect(await jszipParts(recompressed)).toEqual(await jszipParts(stored));
    // The 400 repeated runs deflate to far less than they take stored (about 16 kB of slide text).
    expect(recompressed.length).toBeLessThan(stored.length / 4);
    // Folders stored (method 0), every file deflated (method 8), where JSZip's STORE had 0 for all.
    expect(localMethods(stored).every(([, method]) => method === 0)).toBe(true);
    expect(localMethods(recompressed)).toEqual(readZip(stored).map((part) => [part.name, part.name.endsWith('/') ? 0 : 8]));
  });

  it('keeps names, timestamps and attributes of the entries it is given', () => {
    const parts = readZip(writeZip([
      { name: 'ppt/', data: Buffer.alloc(0), rawName: Buffer.from('ppt/'), utf8Name: false, dosTime: 0, dosDate: 0x5b21, versionMadeBy: 20, externalAttributes: 0x10 },
      { name: 'ppt/a.xml', data: Buffer.from('<a/>'), rawName: Buffer.from('ppt/a.xml'), utf8Name: false, dosTime: 0x6000, dosDate: 0x5b21, versionMadeBy: 20, externalAttributes: 0 },
    ]));
    expect(parts.map((part) => [part.name, part.data.toString(), part.dosTime, part.dosDate, part.externalAttributes])).toEqual([
      ['ppt/', '', 0, 0x5b21, 0x10],
      ['ppt/a.xml', '<a/>', 0x6000, 0x5b21, 0],
    ]);
  });

  it('replacePartData changes the content and keeps the entry', () => {
    const [part] = readZip(writeZip([{ name: 'a.xml', data: Buffer.from('<a/>'), rawName: Buffer.from('a.xml'), utf8Name: false, dosTime: 1, dosDate: 2, versionMadeBy: 20, externalAttributes: 0 }]));
    const replaced = replacePartData(part!, '<b>å</b>');
    expect([replaced.name, replaced.data.toString('utf8'), replaced.dosTime, replaced.dosDate]).toEqual(['a.xml', '<b>å</b>', 1, 2]);
  });
});
