// Office packages (xlsx, pptx) zipped once: fflate writes the zip container, node:zlib deflates natively
// (JSZip + pako deflate in JavaScript, about 2× slower per package; issue 14).
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';

/** The parts of a package (names in zip order) → their bytes. */
export type PackageParts = Map<string, Uint8Array>;

const DEFLATE = 8;
// A fixed time for every part, so the same plan gives the same bytes (zip times are local, 2 s resolution).
const PART_TIME = new Date(1980, 0, 1);

export function readPackage(bytes: Uint8Array): PackageParts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/')));
}

/** Zips the parts in their order; `[Content_Types].xml` first, as Office writes it. */
export function writePackage(parts: PackageParts): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const names = [...parts.keys()].sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    const data = parts.get(name)!;
    const deflated = deflateRawSync(data, { level: 6 });
    const file: ZipInputFile = { filename: name, size: data.length, crc: crc32(data), compression: DEFLATE, mtime: PART_TIME };
    zip.add(file);
    file.ondata!(null, deflated, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
