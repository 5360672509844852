import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './read-table.ts';
import { checkZipArchive } from './zip-guard.ts';

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Members');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A ZIP local entry (header, name, deflated data) listed in no central directory. */
function localEntry(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

/** `archive` with `entry` put before its first part: every listed offset moves by its length. */
function smuggle(archive: Buffer, entry: Buffer): Buffer {
  let end = archive.length - 22;
  while (archive.readUInt32LE(end) !== 0x06054b50) end--;
  const copy = Buffer.concat([entry, archive]);
  const shiftedEnd = end + entry.length;
  const count = copy.readUInt16LE(shiftedEnd + 10);
  let at = copy.readUInt32LE(shiftedEnd + 16) + entry.length;
  copy.writeUInt32LE(at, shiftedEnd + 16);
  for (let i = 0; i < count; i++) {
    copy.writeUInt32LE(copy.readUInt32LE(at + 42) + entry.length, at + 42);
    at += 46 + copy.readUInt16LE(at + 28) + copy.readUInt16LE(at + 30) + copy.readUInt16LE(at + 32);
  }
  return copy;
}

const SMUGGLED_SHEET = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Smuggled</t></is></c></row></sheetData></worksheet>',
);

describe('readXlsx and the ZIP guard', () => {
  it('reads only the parts the central directory lists: a part hidden between them is never inflated', async () => {
    const listed = await workbook([['name'], ['Listed']]);
    const hidden = localEntry('xl/worksheets/sheet1.xml', SMUGGLED_SHEET);
    const tampered = smuggle(listed, hidden);
    const table = await readXlsx(tampered);
    expect(table.rows).toEqual([['Listed']]);
    expect(checkZipArchive(tampered).length).toBe(listed.length);
  });

  it('does not inflate a zip bomb hidden outside the central directory', async () => {
    const listed = await workbook([['name'], ['Listed']]);
    const tampered = smuggle(listed, localEntry('xl/hidden.bin', Buffer.alloc(64 * 1024 * 1024)));
    expect(tampered.length).toBeLessThan(listed.length + 200_000);
    expect(checkZipArchive(tampered).includes(Buffer.from('xl/hidden.bin'))).toBe(false);
    expect((await readXlsx(tampered)).rows).toEqual([['Listed']]);
  });

  it('keeps a workbook written with data descriptors (exceljs) readable as it was', async () => {
    const book = await workbook([
      ['name', 'country'],
      ['Orbitech', 'ES'],
      ['Astra', 'BE'],
    ]);
    expect(checkZipArchive(book).equals(book)).toBe(true);
    expect((await readXlsx(book)).rows).toEqual([
      ['Orbitech', 'ES'],
      ['Astra', 'BE'],
    ]);
  });
});
