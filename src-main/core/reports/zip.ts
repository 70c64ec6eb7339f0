import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/**
 * The few bytes of the ZIP container an xlsx needs (PKWARE APPNOTE 4.3/4.4): deflated entries,
 * local headers, one central directory. Compression and checksums are Node's zlib (native code);
 * no ZIP64: a report stays far below 4 GB.
 */

/** An entry already deflated (see DeflateSink). */
export interface PackedEntry {
  name: string;
  crc: number;
  size: number;
  packed: Buffer[];
}

/** Level 1: a few percent larger than the default, several times faster on 50 MB of sheet XML. */
const LEVEL = 1;
/** Bytes gathered before a piece is handed to zlib. */
const PIECE = 512 * 1024;

/**
 * Deflates a long part piece by piece while the caller is still producing it: each piece goes to
 * zlib on the thread pool as soon as it is full, so compression runs beside the JavaScript that
 * writes the rows. Every piece but the last ends with a sync flush (a byte-aligned, non-final
 * block), so the pieces joined in order are one valid deflate stream (RFC 1951 §3.2.3).
 */
export class DeflateSink {
  private readonly jobs: Promise<Buffer>[] = [];
  private piece = Buffer.allocUnsafe(PIECE);
  private used = 0;
  private crc = 0;
  private size = 0;

  /** Encodes the text (UTF-8) straight into the current piece: no intermediate buffer, no copy. */
  write(text: string): void {
    if (text.length * 3 > PIECE - this.used) {
      this.send(constants.Z_SYNC_FLUSH);
      if (text.length * 3 > PIECE) {
        this.push(Buffer.from(text, 'utf8'), constants.Z_SYNC_FLUSH);
        return;
      }
    }
    this.used += this.piece.write(text, this.used, 'utf8');
  }

  private send(flush: number): void {
    this.push(this.piece.subarray(0, this.used), flush);
    this.piece = Buffer.allocUnsafe(PIECE);
    this.used = 0;
  }

  private push(bytes: Buffer, flush: number): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.jobs.push(
      new Promise((resolve, reject) => deflateRaw(bytes, { level: LEVEL, finishFlush: flush }, (error, out) => (error ? reject(error) : resolve(out)))),
    );
  }

  async end(name: string): Promise<PackedEntry> {
    this.send(constants.Z_FINISH);
    return { name, crc: this.crc >>> 0, size: this.size, packed: await Promise.all(this.jobs) };
  }
}

/** A small part, deflated at once. */
export function packSmall(name: string, data: Buffer): PackedEntry {
  return { name, crc: crc32(data) >>> 0, size: data.length, packed: [deflateRawSync(data, { level: LEVEL })] };
}

/** MS-DOS date and time of a wall-clock instant (local time written as UTC fields). */
function dosDateTime(wallClockMs: number): { time: number; date: number } {
  const d = new Date(wallClockMs);
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** One ZIP archive of the entries, in order; `wallClockMs` stamps every entry, so the same input gives the same bytes. */
export function zipArchive(entries: readonly PackedEntry[], wallClockMs: number): Buffer {
  const { time, date } = dosDateTime(wallClockMs);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packedSize = entry.packed.reduce((sum, b) => sum + b.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(packedSize, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(packedSize, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42); // extra, comment, disk and attributes before it stay zero
    parts.push(local, name, ...entry.packed);
    central.push(header, name);
    offset += local.length + name.length + packedSize;
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
