import { inflateRawSync } from 'node:zlib';
import { InvalidInputError } from '../../domain/errors.ts';

/** Most a workbook may unpack to (all its parts together); a 50,000-row sheet needs far less. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

/**
 * Checks an XLSX (a ZIP archive) before exceljs unpacks it: it must be a ZIP, without ZIP64 or
 * encryption, with a bounded number of parts, and all parts must unpack to at most
 * `MAX_UNPACKED_BYTES` — measured by inflating with a cap, since a zip bomb's declared sizes lie.
 *
 * @returns the archive rebuilt from the parts its central directory lists, and only those: a
 * streaming reader walks the local entries one after the other, so a part hidden between them
 * (listed nowhere, never measured here) would otherwise be inflated too. The reader is given
 * exactly the bytes that were measured.
 * @throws InvalidInputError naming what is wrong
 */
export function checkZipArchive(bytes: Buffer): Buffer {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw invalid('The file is not an XLSX workbook (an XLSX file is a ZIP archive; this one is not).');
  }
  const end = findEndOfCentralDirectory(bytes);
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES)
    throw invalid(`The workbook has ${entries} parts; at most ${MAX_ENTRIES} are read.`);
  let budget = MAX_UNPACKED_BYTES;
  const centralStart = offset;
  const parts: Buffer[] = [];
  const centralRecords: { at: number; length: number; newLocalOffset: number }[] = [];
  let written = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw corrupt();
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (flags & 0x1)
      throw invalid('The workbook is encrypted; save it without a password and upload it again.');
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw invalid('ZIP64 workbooks are not supported.');
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50) throw corrupt();
    const dataStart =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw corrupt();
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) {
      budget -= data.length;
    } else if (method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') budget = -1;
        else throw corrupt();
      }
    } else {
      throw invalid(`The workbook uses ZIP compression method ${method}, which is not supported.`);
    }
    if (budget < 0) {
      throw invalid(
        `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 2 ** 20} MB; it is refused as a possible zip bomb.`,
      );
    }
    const entryEnd =
      dataStart + compressedSize + dataDescriptorLength(bytes, flags, dataStart + compressedSize);
    if (entryEnd > centralStart) throw corrupt();
    parts.push(bytes.subarray(localOffset, entryEnd));
    const recordLength = 46 + nameLength + extraLength + commentLength;
    centralRecords.push({ at: offset, length: recordLength, newLocalOffset: written });
    written += entryEnd - localOffset;
    offset += recordLength;
  }
  return rebuild(bytes, end, parts, centralRecords, written);
}

/** Bytes of the data descriptor after a part's data (general-purpose flag bit 3), with or without its signature. */
function dataDescriptorLength(bytes: Buffer, flags: number, at: number): number {
  if ((flags & 0x8) === 0) return 0;
  if (at + 4 <= bytes.length && bytes.readUInt32LE(at) === 0x08074b50) return 16;
  return 12;
}

/** The listed parts one after the other, then their central directory with the new offsets. */
function rebuild(
  bytes: Buffer,
  end: number,
  parts: Buffer[],
  records: { at: number; length: number; newLocalOffset: number }[],
  centralStart: number,
): Buffer {
  const central = records.map((record) => {
    const copy = Buffer.from(bytes.subarray(record.at, record.at + record.length));
    copy.writeUInt32LE(record.newLocalOffset, 42);
    return copy;
  });
  const centralLength = central.reduce((sum, record) => sum + record.length, 0);
  const endRecord = Buffer.from(
    bytes.subarray(end, Math.min(bytes.length, end + 22 + bytes.readUInt16LE(end + 20))),
  );
  endRecord.writeUInt32LE(centralLength, 12);
  endRecord.writeUInt32LE(centralStart, 16);
  return Buffer.concat([...parts, ...central, endRecord]);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw corrupt();
}

function corrupt(): InvalidInputError {
  return invalid('The XLSX workbook is damaged (its ZIP structure is broken); save it again and upload it.');
}

function invalid(message: string): InvalidInputError {
  return new InvalidInputError(message, [{ field: 'body', message }]);
}
