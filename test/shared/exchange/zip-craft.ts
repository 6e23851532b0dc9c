/**
 * Zip archives taken apart and put back together, to craft the damaged and hostile workbooks
 * that the XLSX tests feed to `readXlsx`: a part whose directory lies about its size, parts
 * stored instead of deflated, a directory that points outside the file.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One part of a zip archive: its data as stored, and what the directory says of it. */
export type ZipEntry = {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The part's bytes as the archive stores them (deflated when `method` is 8). */
  readonly data: Uint8Array;
  /** The size the directory declares once unpacked. */
  readonly size: number;
};

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The parts of a well-formed zip archive (no ZIP64, no comment), in the directory's order. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const end = bytes.length - 22;
  if (data.getUint32(end, true) !== 0x06054b50) throw new Error('no end of directory record');
  const count = data.getUint16(end + 10, true);
  let at = data.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const nameLength = data.getUint16(at + 28, true);
    const local = data.getUint32(at + 42, true);
    const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      data: bytes.slice(start, start + data.getUint32(at + 20, true)),
      size: data.getUint32(at + 24, true),
    });
    at += 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
  }
  return entries;
}

/** A zip archive of the parts, each declared with the size and method it is given. */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    // The CRC of what the part unpacks to: JSZip does not check it, but a real archive has it.
    const unpacked = entry.method === 8 ? safeInflate(entry.data) : entry.data;
    const crc = unpacked ? crc32(unpacked) : 0;
    const local = new Uint8Array(30 + name.length);
    const head = view(local);
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(8, entry.method, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, entry.data.length, true);
    head.setUint32(22, entry.size, true);
    head.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const record = view(central);
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 20, true);
    record.setUint16(6, 20, true);
    record.setUint16(10, entry.method, true);
    record.setUint32(16, crc, true);
    record.setUint32(20, entry.data.length, true);
    record.setUint32(24, entry.size, true);
    record.setUint16(28, name.length, true);
    record.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    directory.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, record) => sum + record.length, 0);
  const end = new Uint8Array(22);
  const tail = view(end);
  tail.setUint32(0, 0x06054b50, true);
  tail.setUint16(8, entries.length, true);
  tail.setUint16(10, entries.length, true);
  tail.setUint32(12, directorySize, true);
  tail.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...directory, end]);
}

/** What deflated data unpacks to, or null when that is more than a few MB or not deflate. */
function safeInflate(data: Uint8Array): Uint8Array | null {
  try {
    return inflateRawSync(data, { maxOutputLength: 8 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/**
 * Deflated data that unpacks to `megabytes` MB of zero bytes, about 1 KB per MB: the same
 * fully flushed deflate of 1 MB of zeros, repeated (each one starts afresh), then a last block.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const oneMegabyte = deflateRawSync(new Uint8Array(1024 * 1024), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  return Buffer.concat([
    ...Array.from({ length: megabytes }, () => oneMegabyte),
    deflateRawSync(new Uint8Array()),
  ]);
}
