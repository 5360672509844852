import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Phase } from '../../domain/catalogue/types.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { presentInstrument } from './presenter.ts';
import type { InstrumentRepository } from './repository.ts';
import { type InstrumentDto, instrumentListSchema } from './schema.ts';

/** A serialized catalogue list, ready to send, and the entity tag that names it. */
export interface SerializedList {
  revision: string;
  etag: string;
  body: Buffer;
  /** The same bytes gzip-compressed, for clients that accept it (34 KB → 9 KB). */
  gzipped: Buffer;
}

/**
 * Use cases of the catalogue. The D4.2 catalogue is public reference material, so reading it
 * needs no access check; workspace-owned instruments (a later issue) will add one here first.
 */
export class InstrumentService {
  /**
   * Serialized lists by phase filter. Valid while the stored catalogue revision is unchanged.
   * The revision is re-read from the database at most every `revalidateMs` (1 s by default), so a
   * re-seed by another process (`space2id seed`) shows within a second, without a query per request.
   */
  private readonly serialized = new Map<string, SerializedList>();
  private knownRevision: { value: string; readAt: number } | undefined;

  constructor(
    private readonly instruments: InstrumentRepository,
    private readonly options: { revalidateMs?: number; now?: () => number } = {},
  ) {}

  private async currentRevision(): Promise<string> {
    const now = this.options.now ? this.options.now() : performance.now();
    const known = this.knownRevision;
    if (known && now - known.readAt < (this.options.revalidateMs ?? 1000)) return known.value;
    const value = (await this.instruments.catalogueRevision()) ?? 'empty';
    this.knownRevision = { value, readAt: now };
    return value;
  }

  async list(options: { phase?: Phase } = {}): Promise<InstrumentDto[]> {
    const rows = await this.instruments.listGlobal(options.phase ? { phase: options.phase } : {});
    return rows.map(presentInstrument);
  }

  /**
   * The list as `{"items":[…]}` JSON bytes, checked against the response schema once per revision
   * and then reused: the catalogue is read on every page and changes only when it is re-seeded.
   */
  async listSerialized(options: { phase?: Phase } = {}): Promise<SerializedList> {
    const revision = await this.currentRevision();
    const cacheKey = options.phase ?? '*';
    const cached = this.serialized.get(cacheKey);
    if (cached?.revision === revision) return cached;

    const payload = instrumentListSchema.parse({ items: await this.list(options) });
    const body = Buffer.from(JSON.stringify(payload));
    // The bytes' digest too: a new build that presents the same catalogue differently (a field
    // added) must not be answered 304 to a client holding the old shape.
    const digest = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const entry: SerializedList = {
      revision,
      etag: `"${revision.slice(0, 16)}-${digest}-${cacheKey}"`,
      body,
      gzipped: gzipSync(body),
    };
    this.serialized.set(cacheKey, entry);
    return entry;
  }

  /** @throws NotFoundError when no instrument has that key or code. */
  async get(keyOrCode: string): Promise<InstrumentDto> {
    const found = await this.instruments.findGlobal(keyOrCode);
    if (!found) throw new NotFoundError('instrument', keyOrCode);
    return presentInstrument(found);
  }
}

/** The 400 for a key or code that names no instrument, naming the request field that held it. */
export function unknownInstrument(field: string, keyOrCode: string): InvalidInputError {
  return new InvalidInputError(`No instrument "${keyOrCode}"`, [
    {
      field,
      message: 'is not an instrument of the catalogue (a key such as study-visits or a code such as 1.1.3)',
    },
  ]);
}
