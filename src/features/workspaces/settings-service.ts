import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { isLanguage, type Language } from '../../domain/i18n/types.ts';
import { logoTypeOf, MAX_LOGO_BYTES } from '../../domain/workspaces/rules.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import type { UpdateSettingsInput, WorkspaceSettingsDto } from './schema.ts';
import { type SettingsChanges, WorkspaceSettingsRepository } from './settings-repository.ts';

type SettingsRow = Awaited<ReturnType<WorkspaceSettingsRepository['find']>>;

/**
 * A workspace's settings: every member reads them (the web app formats money in its currency);
 * only coordinators change them. The currency is the unit of every amount stored: once money is
 * recorded (a cost line or a travel rate), changing it would relabel amounts without converting
 * them, so it is refused with 409 (decision 0021).
 */
export class WorkspaceSettingsService {
  constructor(private readonly db: Kysely<DB>) {}

  async get(actor: Actor): Promise<WorkspaceSettingsDto> {
    requireAccess(actor, 'workspace.read');
    const repository = new WorkspaceSettingsRepository(this.db);
    const [row, moneyRecorded] = await Promise.all([
      repository.find(actor.workspaceId),
      repository.moneyRecorded(actor.workspaceId),
    ]);
    return presentSettings(row, moneyRecorded, can(actor, 'workspace.update'));
  }

  async update(actor: Actor, input: UpdateSettingsInput): Promise<WorkspaceSettingsDto> {
    requireAccess(actor, 'workspace.update');
    const { version, logo, languages, ...rest } = input;
    const changes: SettingsChanges = {
      ...(rest.name !== undefined ? { name: rest.name } : {}),
      ...(rest.currency !== undefined ? { currency: rest.currency } : {}),
      ...(rest.defaultDayRateCents !== undefined ? { default_day_rate_cents: rest.defaultDayRateCents } : {}),
      ...(rest.timeZone !== undefined ? { time_zone: rest.timeZone } : {}),
      ...(languages !== undefined ? { languages: JSON.stringify(orderLanguages(languages)) } : {}),
      ...(rest.fiscalYearStartMonth !== undefined
        ? { fiscal_year_start_month: rest.fiscalYearStartMonth }
        : {}),
    };
    if (logo !== undefined) Object.assign(changes, logoChanges(logo));
    return writeTransaction(this.db, async (trx) => {
      const repository = new WorkspaceSettingsRepository(trx);
      const current = await repository.find(actor.workspaceId);
      if (current.version !== version) throw stale(current.version, version);
      if (changes.currency !== undefined && changes.currency !== current.currency) {
        if (await repository.moneyRecorded(actor.workspaceId)) {
          throw new ConflictError(
            `The currency stays ${current.currency}: money is already recorded in it (cost lines or travel rates), and changing the currency would relabel those amounts without converting them.`,
          );
        }
      }
      if (!(await repository.update(actor.workspaceId, version, changes)))
        throw stale(current.version, version);
      const { logo: newLogo, logo_updated_at: _at, ...plain } = changes;
      const audited = diff(current, plain);
      if (newLogo !== undefined) {
        audited.logo = [
          current.logo_updated_at ? 'a logo' : null,
          newLogo ? `a ${changes.logo_content_type} logo` : null,
        ];
      }
      if (Object.keys(audited).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'workspace',
          entityId: actor.workspaceId,
          changes: audited,
        });
      }
      const row = await repository.find(actor.workspaceId);
      return presentSettings(row, await repository.moneyRecorded(actor.workspaceId), true);
    });
  }

  /** The logo's bytes for `GET /workspaces/{w}/logo`. @throws NotFoundError when there is none. */
  async logo(actor: Actor, slug: string) {
    requireAccess(actor, 'workspace.read');
    const row = await new WorkspaceSettingsRepository(this.db).logo(slug);
    if (!row?.logo || !row.logo_content_type) throw new NotFoundError('logo', slug);
    return {
      bytes: Buffer.from(row.logo),
      contentType: row.logo_content_type,
      updatedAt: row.logo_updated_at ?? '',
    };
  }
}

function stale(current: number, sent: number): ConflictError {
  return new ConflictError(
    `The settings were changed by someone else (version ${current}, you sent ${sent}): reload them and apply your edit again.`,
    current,
  );
}

/** English first, then the others in the order of LANGUAGES (English is always included). */
function orderLanguages(languages: readonly Language[]): Language[] {
  const set = new Set<Language>(['en', ...languages]);
  return [...set];
}

/** @throws InvalidInputError naming `body.logo` unless it is a PNG, JPEG or WebP of at most 256 KB. */
function logoChanges(logo: string | null): SettingsChanges {
  if (logo === null) return { logo: null, logo_content_type: null, logo_updated_at: null };
  const refuse = (message: string) => {
    throw new InvalidInputError(`The logo ${message}`, [{ field: 'body.logo', message }]);
  };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(logo)) return refuse('must be base64 (the image file’s bytes)');
  const bytes = Buffer.from(logo, 'base64');
  if (bytes.length === 0) return refuse('is empty');
  if (bytes.length > MAX_LOGO_BYTES) return refuse(`must be at most ${MAX_LOGO_BYTES / 1024} KB`);
  const type = logoTypeOf(bytes);
  if (!type) return refuse('must be a PNG, JPEG or WebP image (SVG and other formats are not accepted)');
  return { logo: bytes, logo_content_type: type, logo_updated_at: new Date().toISOString() };
}

export function presentSettings(
  row: SettingsRow,
  moneyRecorded: boolean,
  canEdit: boolean,
): WorkspaceSettingsDto {
  const languages = (JSON.parse(row.languages) as unknown[]).filter(isLanguage);
  return {
    slug: row.slug,
    name: row.name,
    currency: row.currency,
    defaultDayRateCents: row.default_day_rate_cents,
    timeZone: row.time_zone,
    languages: languages.includes('en') ? languages : ['en', ...languages],
    fiscalYearStartMonth: row.fiscal_year_start_month,
    logoUrl: row.logo_updated_at
      ? `/api/v1/workspaces/${row.slug}/logo?v=${encodeURIComponent(row.logo_updated_at)}`
      : null,
    moneyRecorded,
    canEdit,
    version: row.version,
  };
}
