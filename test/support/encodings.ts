import { type CsvEncoding, decodeWith } from '../../src/domain/registry/text-encoding.ts';

/**
 * The bytes of a text in a single-byte code page, as Excel writes a "CSV (Comma delimited)" file
 * in that locale: the inverse of the decoder under test, built byte by byte.
 *
 * @throws Error when a character has no byte in the code page
 */
export function encodeSingleByte(text: string, encoding: CsvEncoding): Buffer {
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    const char = decodeWith(encoding, Uint8Array.of(byte));
    if (char !== '\uFFFD' && !byteOf.has(char)) byteOf.set(char, byte);
  }
  return Buffer.from(
    Array.from(text, (char) => {
      const byte = byteOf.get(char);
      if (byte === undefined) throw new Error(`${char} has no byte in ${encoding}`);
      return byte;
    }),
  );
}
