import type { FieldError } from '../../domain/errors.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { PlanRepository } from './repository.ts';
import type { InstrumentChoice, PlanInstrumentDto } from './schema.ts';

/** A chosen instrument ready to store: which one, its order inside its phase, why. */
export interface ResolvedChoice {
  instrument_id: string;
  position: number;
  rationale: string;
}

type Candidate = Awaited<ReturnType<PlanRepository['findInstruments']>>[number];

/**
 * The instrument a plan names: by key before by code, the workspace's own before the global
 * catalogue's (a custom instrument may reuse a key of D4.2 on purpose).
 */
function pick(candidates: Candidate[], name: string): Candidate | undefined {
  const rank = (c: Candidate) => (c.key === name ? 0 : 2) + (c.workspace_id === null ? 1 : 0);
  return candidates.filter((c) => c.key === name || c.code === name).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Turns the request's list into stored choices, numbering positions inside each phase in the
 * order given. @throws InvalidInputError naming `body.instruments.N.instrumentKey` for an unknown
 * instrument, or one named twice (by key and by code).
 */
export async function resolveInstrumentChoices(
  plans: PlanRepository,
  workspaceId: string,
  choices: InstrumentChoice[],
): Promise<ResolvedChoice[]> {
  const candidates = await plans.findInstruments(
    workspaceId,
    choices.map((c) => c.instrumentKey),
  );
  const errors: FieldError[] = [];
  const resolved: ResolvedChoice[] = [];
  const seenAt = new Map<string, number>();
  const nextPosition = new Map<string, number>();
  choices.forEach((choice, index) => {
    const field = `body.instruments.${index}.instrumentKey`;
    const instrument = pick(candidates, choice.instrumentKey);
    if (!instrument) {
      errors.push({ field, message: 'is not an instrument of the catalogue or of this workspace' });
      return;
    }
    const earlier = seenAt.get(instrument.id);
    if (earlier !== undefined) {
      errors.push({ field, message: `names the same instrument as instruments.${earlier}` });
      return;
    }
    seenAt.set(instrument.id, index);
    const position = nextPosition.get(instrument.phase) ?? 0;
    nextPosition.set(instrument.phase, position + 1);
    resolved.push({ instrument_id: instrument.id, position, rationale: choice.rationale });
  });
  if (errors.length > 0) {
    const unknown = choices
      .filter((_c, index) => errors.some((e) => e.field === `body.instruments.${index}.instrumentKey`))
      .map((c) => `"${c.instrumentKey}"`);
    throw new InvalidInputError(`Unknown or repeated instrument ${unknown.join(', ')}`, errors);
  }
  return resolved;
}

/** The instrument list as the audit log keeps it: key and rationale, in phase order. */
export function auditedInstruments(list: PlanInstrumentDto[]) {
  return list.map((item) => ({ key: item.instrumentKey, rationale: item.rationale }));
}
