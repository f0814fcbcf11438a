// A minimal zip reader and writer for the Office packages that exceljs and pptxgenjs build with JSZip.
// JSZip deflates with pako in JavaScript, which allocates ~300 kB per part and dominated prep's run time;
// here the libraries write uncompressed and Node's own zlib compresses each part once.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipPart {
  /** Name as stored, '/'-separated; directories end in '/'. */
  name: string;
  /** Uncompressed bytes (empty for a directory). */
  data: Buffer;
  /** The name's raw bytes and the general-purpose flags, written back unchanged. */
  rawName: Buffer;
  utf8Name: boolean;
  /** MS-DOS time and date fields, kept from the source so a re-packaged part keeps its timestamp. */
  dosTime: number;
  dosDate: number;
  versionMadeBy: number;
  externalAttributes: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_FLAG = 0x0800;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes.
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip file: no end of central directory');
}

/** Every entry of a zip, in the order of its central directory. */
export function readZip(zip: Buffer): ZipPart[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 packages are not supported');
  const parts: ZipPart[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_HEADER) throw new Error(`broken zip: central header ${index} missing`);
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const rawName = zip.subarray(offset + 46, offset + 46 + nameLength);
    if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`broken zip: local header of ${rawName.toString('utf8')} missing`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const stored = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === STORED) data = stored;
    else if (method === DEFLATED) data = inflateRawSync(stored);
    else throw new Error(`zip method ${method} is not supported`);
    if (data.length !== size) throw new Error(`broken zip: ${rawName.toString('utf8')} has ${data.length} bytes, expected ${size}`);
    parts.push({
      name: rawName.toString('utf8'),
      data,
      rawName,
      utf8Name: (flags & UTF8_FLAG) !== 0,
      dosTime: zip.readUInt16LE(offset + 12),
      dosDate: zip.readUInt16LE(offset + 14),
      versionMadeBy: zip.readUInt16LE(offset + 4),
      externalAttributes: zip.readUInt32LE(offset + 38),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** A zip of the parts in the given order, each file deflated at the given zlib level (directories stored). */
export function writeZip(parts: readonly ZipPart[], level = 6): Buffer {
  if (parts.length >= 0xffff) throw new Error('too many parts for a zip without zip64');
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const directory = part.name.endsWith('/') && part.data.length === 0;
    const method = directory ? STORED : DEFLATED;
    const body = directory ? part.data : deflateRawSync(part.data, { level });
    const checksum = directory ? 0 : crc32(part.data);
    const flags = part.utf8Name ? UTF8_FLAG : 0;
    const versionNeeded = method === DEFLATED ? 20 : 10;
    if (offset + body.length > 0xffffffff) throw new Error('package too large for a zip without zip64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(versionNeeded, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(part.dosTime, 10);
    local.writeUInt16LE(part.dosDate, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(part.rawName.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(part.versionMadeBy, 4);
    header.writeUInt16LE(versionNeeded, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(part.dosTime, 12);
    header.writeUInt16LE(part.dosDate, 14);
    header.writeUInt32LE(checksum, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(part.data.length, 24);
    header.writeUInt16LE(part.rawName.length, 28);
    // Extra field, comment, disk number and internal attributes stay 0.
    header.writeUInt32LE(part.externalAttributes, 38);
    header.writeUInt32LE(offset, 42);

    chunks.push(local, part.rawName, body);
    central.push(header, part.rawName);
    offset += local.length + part.rawName.length + body.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** Re-packages a zip written without compression (or with JSZip's slow deflate) with zlib's deflate. */
export function recompressZip(zip: Buffer, level = 6): Buffer {
  return writeZip(readZip(zip), level);
}

/** A part with new content that keeps the entry's name, timestamp and attributes. */
export function replacePartData(part: ZipPart, content: string | Buffer): ZipPart {
  return { ...part, data: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
}
