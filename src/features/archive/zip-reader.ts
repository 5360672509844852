import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ArchiveError } from './errors.ts';
import { ARCHIVE_LIMITS, type ArchiveLimits, ENTRY_NAME } from './format.ts';

/** A workspace archive opened for reading: its entries listed from the central directory, each read on demand. */
export interface OpenArchive {
  entries: Map<string, yauzl.Entry>;
  /** Total unpacked bytes the entries declare (each entry is held to its declared size while read). */
  unpackedBytes: number;
  stream(name: string): Promise<Readable>;
  close(): void;
}

/**
 * Opens the ZIP at `file` and checks its directory before anything is read: a ZIP at all (a
 * truncated one has no directory), no encrypted entries, at most `maxEntries` entries, only the
 * names an archive may hold (no paths such as `../x`), each once, and at most `maxUnpackedBytes`
 * in all.
 *
 * @throws ArchiveError naming the problem
 */
export async function openArchive(
  file: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<OpenArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(
      file,
      {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        strictFileNames: true,
        decodeStrings: true,
      },
      (error, opened) => {
        if (error || !opened)
          reject(
            new ArchiveError(
              `The file is not a readable ZIP archive (${error?.message ?? 'unknown'}); it may be truncated.`,
            ),
          );
        else resolve(opened);
      },
    );
  });
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ArchiveError(
        `The archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are read.`,
      );
    }
    const entries = new Map<string, yauzl.Entry>();
    let unpackedBytes = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(new ArchiveError(`The archive is damaged: ${error.message}`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const name = entry.fileName;
          if (!ENTRY_NAME.test(name))
            throw new ArchiveError(
              `The archive holds an entry "${name.slice(0, 100)}" that an archive may not hold.`,
            );
          if (entries.has(name)) throw new ArchiveError(`The archive holds "${name}" twice.`);
          if ((entry.generalPurposeBitFlag & 0x1) !== 0)
            throw new ArchiveError(`The archive's entry "${name}" is encrypted.`);
          unpackedBytes += entry.uncompressedSize;
          if (unpackedBytes > limits.maxUnpackedBytes) {
            throw new ArchiveError(
              `The archive unpacks to more than ${Math.round(limits.maxUnpackedBytes / 2 ** 20)} MB; it is refused as a possible zip bomb.`,
            );
          }
          entries.set(name, entry);
          zip.readEntry();
        } catch (error) {
          reject(error);
        }
      });
      zip.readEntry();
    });
    return {
      entries,
      unpackedBytes,
      stream: (name) =>
        new Promise<Readable>((resolve, reject) => {
          const entry = entries.get(name);
          if (!entry) {
            reject(new ArchiveError(`The archive has no entry "${name}".`));
            return;
          }
          zip.openReadStream(entry, (error, stream) => {
            if (error || !stream)
              reject(new ArchiveError(`The archive's entry "${name}" cannot be read: ${error?.message}`));
            else resolve(stream);
          });
        }),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** An entry's bytes (at most `maxBytes`), hashed. */
export async function readWhole(
  stream: Readable,
  name: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; sha256: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const hash = createHash('sha256');
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes)
        throw new ArchiveError(`The archive's entry "${name}" is larger than ${maxBytes} bytes.`);
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    stream.destroy();
    throw wrap(error, name);
  }
  return { bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
}

/** The lines of an entry (UTF-8, `\n`-terminated), each at most `maxLineBytes`, hashed into `hash` as read. */
export async function* readLines(
  stream: Readable,
  name: string,
  hash: Hash,
  maxLineBytes: number,
): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const raw of stream) {
      const chunk = raw as Buffer;
      hash.update(chunk);
      let start = 0;
      for (;;) {
        const end = chunk.indexOf(10, start);
        if (end < 0) break;
        const piece = chunk.subarray(start, end);
        if (pendingBytes + piece.length > maxLineBytes) throw tooLong(name, maxLineBytes);
        const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
        yield line.toString('utf8');
        start = end + 1;
      }
      if (start < chunk.length) {
        const rest = chunk.subarray(start);
        pendingBytes += rest.length;
        if (pendingBytes > maxLineBytes) throw tooLong(name, maxLineBytes);
        pending.push(Buffer.from(rest));
      }
    }
  } catch (error) {
    stream.destroy();
    throw wrap(error, name);
  }
  if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}

function tooLong(name: string, max: number): ArchiveError {
  return new ArchiveError(`A line of "${name}" is longer than ${max} bytes.`);
}

function wrap(error: unknown, name: string): Error {
  if (error instanceof ArchiveError) return error;
  return new ArchiveError(`The archive's entry "${name}" is damaged: ${(error as Error).message}`);
}
