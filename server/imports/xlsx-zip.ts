// The zip inside an .xlsx, read from memory with every inflated byte counted, and handed to exceljs's
// streaming reader in the order it needs. Left to itself, exceljs reads entries in file order and
// writes any worksheet that comes before sharedStrings.xml (Excel's own order) to the temp folder, with
// no size limit, never deleted when reading stops at the first sheet. Here the upload is already in
// memory, so its central directory gives random access: each entry's inflated size is measured first
// (streaming, nothing kept: a 1 GiB bomb costs time up to the limit and no memory), then the entries
// exceljs needs are passed on as a zip stream with the relationships, workbook, shared strings and
// styles before the one sheet read. Nothing touches the disk.
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { TableError } from './table-error.ts';

export interface ZipLimits {
  /** Inflated bytes of any one entry read. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries read together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for entries past 16 MiB inflated (a large sheet compresses about 5–30 to 1). */
  maxRatio: number;
  /** Entries in the central directory. */
  maxEntries: number;
}
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 384 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 10_000,
};
const RATIO_FLOOR = 16 * 1024 * 1024;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const unreadable = () => new TableError('unreadable_file', 'The file is not a readable .xlsx workbook');
const tooLarge = (message: string) => new TableError('file_too_complex', message);

/** The central directory's entries (no ZIP64, no encryption: a spreadsheet never needs them). */
export function zipEntries(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Entry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) throw unreadable();
  if (count > limits.maxEntries)
    throw tooLarge(`The workbook has ${count.toLocaleString('en')} parts; at most ${limits.maxEntries.toLocaleString('en')} can be read`);
  const entries = new Map<string, Entry>();
  const names = new TextDecoder('utf-8');
  for (let p = cdOffset, k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw unreadable();
    const nameLength = view.getUint16(p + 28, true);
    const entry: Entry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: names.decode(data.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8) || entry.compressedSize === 0xffffffff || entry.size === 0xffffffff)
      throw unreadable();
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** Where an entry's compressed bytes are, from its local header. */
function compressedBytes(data: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const p = entry.localOffset;
  if (p + 30 > data.length || view.getUint32(p, true) !== 0x04034b50) throw unreadable();
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + entry.compressedSize > data.length) throw unreadable();
  return data.subarray(start, start + entry.compressedSize);
}

/** Inflates an entry into nothing, counting: refused at the first byte past its budget. */
async function measure(entry: Entry, bytes: Uint8Array, budget: { total: number }, limits: ZipLimits): Promise<number> {
  if (entry.method === 0) {
    if (bytes.length !== entry.size) throw unreadable();
    return bytes.length;
  }
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let size = 0;
  const refuse = (err: TableError) => {
    inflate.destroy(err);
  };
  inflate.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limits.maxEntryBytes)
      refuse(
        tooLarge(`The workbook's part ${entry.name} inflates to more than ${MB(limits.maxEntryBytes)}; at most that much can be read`),
      );
    else if (size > budget.total)
      refuse(tooLarge(`The workbook inflates to more than ${MB(limits.maxTotalBytes)} in all; at most that much can be read`));
    else if (size > RATIO_FLOOR && size > limits.maxRatio * Math.max(1, bytes.length)) {
      refuse(
        tooLarge(
          `The workbook's part ${entry.name} inflates more than ${limits.maxRatio} times its compressed size (a compressed bomb); it is not read`,
        ),
      );
    }
  });
  const done = new Promise<void>((resolve, reject) => {
    inflate.once('end', resolve);
    inflate.once('error', reject);
    inflate.once('close', resolve);
  });
  const drained = () =>
    new Promise<void>((resolve) => {
      const go = () => {
        inflate.off('drain', go);
        inflate.off('close', go);
        resolve();
      };
      inflate.on('drain', go);
      inflate.on('close', go);
    });
  // Fed in slices, so a refusal stops the inflation within one slice rather than after the whole entry.
  for (let i = 0; i < bytes.length && !inflate.destroyed; i += 64 * 1024) {
    if (!inflate.write(bytes.subarray(i, i + 64 * 1024))) await drained();
  }
  if (!inflate.destroyed) inflate.end();
  try {
    await done;
  } catch (err) {
    throw err instanceof TableError ? err : unreadable();
  }
  if (inflate.errored) throw inflate.errored instanceof TableError ? inflate.errored : unreadable();
  if (size !== entry.size) throw unreadable(); // a header that lies about its size is not a workbook
  budget.total -= size;
  return size;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (bytes: Uint8Array) => {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};

/** A local file header with the sizes and checksum in it (never a trailing data descriptor). */
function localHeader(entry: Entry): Buffer {
  const name = Buffer.from(entry.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE((entry.flags & ~0x08) | 0x800, 6);
  h.writeUInt16LE(entry.method, 8);
  h.writeUInt32LE(entry.crc, 14);
  h.writeUInt32LE(entry.compressedSize, 18);
  h.writeUInt32LE(entry.size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

/** A part exceljs needs before a sheet and the file lacks (it would otherwise spill the sheet to disk). */
function storedPart(name: string, xml: string): { entry: Entry; bytes: Uint8Array } {
  const bytes = Buffer.from(xml, 'utf8');
  return {
    entry: { name, flags: 0, method: 0, crc: crc32(bytes), compressedSize: bytes.length, size: bytes.length, localOffset: -1 },
    bytes,
  };
}
const EMPTY_PARTS: Record<string, string> = {
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  'xl/sharedStrings.xml':
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
};
const BEFORE_SHEET = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'] as const;
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * The parts of the workbook's first sheet (in file order, as exceljs took it), each measured against the
 * limits, as a zip stream in reading order: everything the sheet refers to first, then the sheet.
 */
export async function orderedSheetStream(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Readable> {
  const entries = zipEntries(data, limits);
  const sheet = [...entries.values()].find((e) => SHEET.test(e.name));
  if (!sheet) throw unreadable();
  const budget = { total: limits.maxTotalBytes };
  const parts: { entry: Entry; bytes: Uint8Array }[] = [];
  for (const name of [...BEFORE_SHEET, sheet.name]) {
    const entry = entries.get(name);
    if (!entry) {
      if (EMPTY_PARTS[name]) parts.push(storedPart(name, EMPTY_PARTS[name]));
      continue;
    }
    const bytes = compressedBytes(data, entry);
    await measure(entry, bytes, budget, limits);
    parts.push({ entry, bytes });
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Readable.from(
    (function* () {
      for (const p of parts) {
        yield localHeader(p.entry);
        yield Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
      }
      yield end;
    })(),
    { objectMode: false },
  );
}
