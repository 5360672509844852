/**
 * `space2id estimate <instrument code or key> [--units N] [--months N] [--issues N] [--entities N]
 * [--travellers N] [--nights N] [--destination CC] [--origin CC] [--day-rate EUR] [--json]`:
 * the budget engine for scripts. Reads the catalogue from code, so it needs no database.
 */
import type { Command } from 'commander';
import { D42_INSTRUMENTS } from '../../domain/catalogue/instruments.ts';
import type { InstrumentDefinition } from '../../domain/catalogue/types.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { estimateBudget, requiredParameters } from '../../domain/planning/budget-estimate.ts';
import { centsToEur, eurToCents, formatEur } from '../../domain/planning/money.ts';
import { defaultTravelRate } from '../../domain/planning/travel-rates.ts';
import {
  BUDGET_CATEGORY_LABELS,
  type Estimate,
  type EstimateParameters,
  type TravelRate,
} from '../../domain/planning/types.ts';

/** Assumed when not given: the Hub's example day rate and a Belgian cluster. */
export const DEFAULT_DAY_RATE_EUR = 450;
export const DEFAULT_ORIGIN = 'BE';

export interface EstimateOptions {
  units?: number;
  months?: number;
  issues?: number;
  entities?: number;
  travellers?: number;
  nights?: number;
  destination?: string;
  origin?: string;
  dayRate?: number;
  json?: boolean;
}

export interface EstimateResult {
  instrument: Pick<InstrumentDefinition, 'code' | 'key' | 'name'>;
  estimate: Estimate;
  assumptions: {
    dayRateEur: number;
    dayRateIsDefault: boolean;
    origin: string;
    originIsDefault: boolean;
    travelRate: {
      country: string;
      travelEur: number;
      accommodationPerNightEur: number;
      subsistencePerDayEur: number;
      isDefault: boolean;
      basis: string | null;
    } | null;
  };
}

/** Bad command-line input; `message` names the options to fix. */
export class EstimateCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EstimateCommandError';
  }
}

/** The engine's field names as the options a user types. */
const OPTION_OF_FIELD: Record<string, string> = {
  'parameters.units': '--units',
  'parameters.months': '--months',
  'parameters.issues': '--issues',
  'parameters.entities': '--entities',
  'parameters.travellers': '--travellers',
  'parameters.nights': '--nights',
  'parameters.destination': '--destination',
  destination: '--destination',
  'origin.country': '--origin',
  dayRateCents: '--day-rate',
  travelRate: '--destination',
};

export function findInstrument(ref: string): InstrumentDefinition {
  const wanted = ref.trim().toLowerCase();
  const found = D42_INSTRUMENTS.find((i) => i.code === wanted || i.key === wanted);
  if (found) return found;
  const valid = D42_INSTRUMENTS.map((i) => `  ${i.code}  ${i.key}`).join('\n');
  throw new EstimateCommandError(`unknown instrument "${ref}"; give one of these codes or keys:\n${valid}`);
}

/** Runs the engine on command-line options. @throws EstimateCommandError naming each option to fix. */
export function runEstimate(ref: string, options: EstimateOptions): EstimateResult {
  const instrument = findInstrument(ref);
  const parameters: EstimateParameters = {
    units: options.units,
    months: options.months,
    issues: options.issues,
    entities: options.entities,
    travellers: options.travellers,
    nights: options.nights,
    destination: options.destination?.trim().toUpperCase(),
  };
  for (const key of Object.keys(parameters) as Array<keyof EstimateParameters>) {
    if (parameters[key] === undefined) delete parameters[key];
  }
  const origin = options.origin?.trim().toUpperCase() ?? DEFAULT_ORIGIN;
  const dayRateEur = options.dayRate ?? DEFAULT_DAY_RATE_EUR;
  try {
    const dayRateCents = Number.isFinite(dayRateEur) ? eurToCents(dayRateEur) : Number.NaN;
    // Only a model with travellers uses the destination's travel costs.
    const travels = requiredParameters(instrument.budget).includes('destination');
    const travelRate: TravelRate | null =
      travels && parameters.destination !== undefined && /^[A-Z]{2}$/.test(parameters.destination)
        ? defaultTravelRate({ country: origin }, parameters.destination)
        : null;
    const estimate = estimateBudget({ instrument, parameters, dayRateCents, travelRate });
    return {
      instrument: { code: instrument.code, key: instrument.key, name: instrument.name },
      estimate,
      assumptions: {
        dayRateEur: centsToEur(dayRateCents),
        dayRateIsDefault: options.dayRate === undefined,
        origin,
        originIsDefault: options.origin === undefined,
        travelRate: travelRate && {
          country: travelRate.country,
          travelEur: centsToEur(travelRate.travelCents),
          accommodationPerNightEur: centsToEur(travelRate.accommodationPerNightCents),
          subsistencePerDayEur: centsToEur(travelRate.subsistencePerDayCents),
          isDefault: travelRate.isDefault,
          basis: travelRate.basis,
        },
      },
    };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const problems = error.errors.map((e) => {
      // The engine counts cents; the command line speaks EUR.
      const message = e.field === 'dayRateCents' ? 'must be an amount in EUR from 0 to 20,000' : e.message;
      return `  ${OPTION_OF_FIELD[e.field] ?? e.field}: ${message}`;
    });
    throw new EstimateCommandError(
      `cannot estimate ${instrument.code} ${instrument.name}:\n${problems.join('\n')}`,
    );
  }
}

/** `{"lines":[{"category","description","formula","amount"}],"effortDays","totalEur",…}`, amounts in EUR. */
export function estimateJson(result: EstimateResult): string {
  const { estimate } = result;
  return JSON.stringify({
    lines: estimate.lines.map((l) => ({
      category: l.category,
      description: l.description,
      formula: l.formula,
      amount: centsToEur(l.amountCents),
    })),
    effortDays: estimate.effortDays,
    totalEur: centsToEur(estimate.totalCents),
    notes: estimate.notes,
    instrument: result.instrument,
    assumptions: result.assumptions,
  });
}

export function estimateText(result: EstimateResult): string {
  const { estimate, assumptions: a } = result;
  const out = [`${result.instrument.code} ${result.instrument.name}`];
  for (const line of estimate.lines) {
    out.push(`  ${BUDGET_CATEGORY_LABELS[line.category].padEnd(18)} ${line.description}`);
    out.push(`  ${''.padEnd(18)} ${line.formula}`);
  }
  if (estimate.lines.length === 0) out.push('  (no costed lines)');
  out.push(`Total: ${formatEur(estimate.totalCents)} EUR, ${estimate.effortDays} effort days`);
  if (estimate.notes.length > 0) out.push('Notes:', ...estimate.notes.map((n) => `  - ${n}`));
  out.push(
    'Assumptions:',
    `  - day rate ${formatEur(eurToCents(a.dayRateEur))} EUR${a.dayRateIsDefault ? ' (default; change with --day-rate)' : ''}`,
    `  - origin ${a.origin}${a.originIsDefault ? ' (default; change with --origin)' : ''}`,
  );
  if (a.travelRate) out.push(`  - travel rate to ${a.travelRate.country}: ${a.travelRate.basis ?? 'given'}`);
  return `${out.join('\n')}\n`;
}

/** Counts are passed through as numbers; the engine says which are not whole or out of range. */
function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function registerEstimateCommand(program: Command): void {
  program
    .command('estimate')
    .description("estimate an activity's budget from its instrument's D4.2 budget model (no database needed)")
    .argument('<instrument>', 'instrument code (1.1.3) or key (study-visits)')
    .option('--units <n>', 'training packages, toolkits, missions, events or foreign markets', toNumber)
    .option('--months <n>', 'months (newsletter, mentoring)', toNumber)
    .option('--issues <n>', 'newsletter issues (one a month)', toNumber)
    .option('--entities <n>', 'participating entities (matchmaking)', toNumber)
    .option('--travellers <n>', 'travellers per mission', toNumber)
    .option('--nights <n>', 'nights away per mission (0 for a day trip)', toNumber)
    .option('--destination <CC>', 'destination country, ISO 3166-1 alpha-2')
    .option('--origin <CC>', `the cluster's country (default ${DEFAULT_ORIGIN})`)
    .option('--day-rate <EUR>', `the cluster's day rate (default ${DEFAULT_DAY_RATE_EUR})`, toNumber)
    .option('--json', 'print {"lines":[…],"effortDays","totalEur",…} with amounts in EUR')
    .action((ref: string, options: EstimateOptions) => {
      const result = runEstimate(ref, options);
      process.stdout.write(options.json ? `${estimateJson(result)}\n` : estimateText(result));
    });
}
