import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D42_INSTRUMENTS } from '../catalogue/instruments.ts';
import { InvalidInputError } from '../errors.ts';
import { type EstimateInput, estimateBudget, estimateForm, requiredParameters } from './budget-estimate.ts';
import type { EstimateParameters, TravelRate } from './types.ts';

// Every expected figure below is worked out by hand from the seed's "Budget Estimation" texts
// (shared/seed/space2id-d4.2-internationalisation-instruments.txt) and a 450 EUR day rate.

function instrument(key: string) {
  const found = D42_INSTRUMENTS.find((i) => i.key === key);
  if (!found) throw new Error(`no instrument ${key}`);
  return found;
}

/** A travel rate given by hand: 820 EUR travel, 130 EUR a night, 60 EUR a day. */
const JAPAN: TravelRate = {
  country: 'JP',
  travelCents: 82_000,
  accommodationPerNightCents: 13_000,
  subsistencePerDayCents: 6_000,
  isDefault: false,
  basis: null,
};

function estimate(
  key: string,
  parameters: EstimateParameters,
  options: Partial<Pick<EstimateInput, 'dayRateCents' | 'travelRate'>> = {},
) {
  return estimateBudget({
    instrument: instrument(key),
    parameters,
    dayRateCents: options.dayRateCents ?? 45_000,
    travelRate: options.travelRate ?? null,
  });
}

function invalidFields(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).errors;
  }
  throw new Error('expected an InvalidInputError');
}

describe('estimateBudget with the seed’s worked figures', () => {
  it('costs 2 training packages at 4 days each: 8 days', () => {
    const e = estimate('training-to-go-international', { units: 2 });
    expect(e.lines).toEqual([
      {
        category: 'staff',
        description: 'Cluster staff: 4 days per training package × 2 training packages',
        formula: '8 days × 450 EUR = 3,600 EUR',
        amountCents: 360_000,
        effortDays: 8,
      },
    ]);
    expect(e.effortDays).toBe(8);
    expect(e.totalCents).toBe(360_000);
  });

  it('costs the branding kit (1 toolkit) at 20 days', () => {
    const e = estimate('branding-toolkits', { units: 1 });
    expect(e.effortDays).toBe(20);
    expect(e.lines.map((l) => l.formula)).toEqual(['20 days × 450 EUR = 9,000 EUR']);
    expect(e.totalCents).toBe(900_000);
  });

  it('costs a study visit with 3 representatives: 8 days plus 3 travellers’ travel, nights and days', () => {
    const e = estimate(
      'study-visits',
      { units: 1, travellers: 3, nights: 4, destination: 'JP' },
      { travelRate: JAPAN },
    );
    expect(e.lines.map((l) => [l.category, l.formula, l.amountCents, l.effortDays])).toEqual([
      ['staff', '8 days × 450 EUR = 3,600 EUR', 360_000, 8],
      ['travel', '3 travellers × 820 EUR travel = 2,460 EUR', 246_000, 0],
      ['accommodation', '3 travellers × 4 nights × 130 EUR = 1,560 EUR', 156_000, 0],
      // 4 nights away are 5 days of subsistence.
      ['food_beverage', '3 travellers × 5 days × 60 EUR = 900 EUR', 90_000, 0],
    ]);
    expect(e.lines.map((l) => l.description)).toEqual([
      'Cluster staff: 8 days per mission × 1 mission',
      'Travel to Japan (JP): 3 cluster representatives',
      'Accommodation in Japan (JP): 4 nights',
      'Subsistence in Japan (JP): 5 days (nights + 1)',
    ]);
    expect(e.effortDays).toBe(8);
    // 3,600 + 2,460 + 1,560 + 900
    expect(e.totalCents).toBe(852_000);
    expect(e.notes).toEqual(['No figure in D4.2 for marketing material: add it as a line by hand.']);
  });

  it('multiplies travel by the number of missions', () => {
    const e = estimate(
      'study-visits',
      { units: 2, travellers: 2, nights: 1, destination: 'JP' },
      { travelRate: JAPAN },
    );
    expect(e.lines.map((l) => l.formula)).toEqual([
      '16 days × 450 EUR = 7,200 EUR',
      '2 missions × 2 travellers × 820 EUR travel = 3,280 EUR',
      '2 missions × 2 travellers × 1 night × 130 EUR = 520 EUR',
      '2 missions × 2 travellers × 2 days × 60 EUR = 480 EUR',
    ]);
    expect(e.totalCents).toBe(1_148_000);
  });

  it('costs a monthly newsletter for 12 months at 48 days, counted in months or in issues', () => {
    const byMonths = estimate('newsletter', { months: 12 });
    expect(byMonths.effortDays).toBe(48);
    expect(byMonths.lines[0]?.formula).toBe('48 days × 450 EUR = 21,600 EUR');
    expect(byMonths.lines[0]?.description).toBe(
      'Cluster staff: 4 days a month × 12 months (one issue a month)',
    );
    expect(estimate('newsletter', { issues: 12 })).toEqual(byMonths);
    expect(estimate('newsletter', { months: 12, issues: 12 })).toEqual(byMonths);
  });

  it('costs a matchmaking event for 5 entities at 7,500 EUR', () => {
    const e = estimate('matchmaking-events', { entities: 5 });
    expect(e.lines).toEqual([
      {
        category: 'participation_fee',
        description: 'Participation of 5 entities (travel included; order of magnitude)',
        formula: '5 entities × 1,500 EUR = 7,500 EUR',
        amountCents: 750_000,
        effortDays: 0,
      },
    ]);
    expect(e.totalCents).toBe(750_000);
    expect(e.effortDays).toBe(0);
    expect(e.notes).toEqual([
      "1,500 EUR per entity is D4.2's order of magnitude (travel included).",
      'The cost depends on the country and the events (D4.2).',
    ]);
  });

  it('costs mentoring for 24 months at 48 days plus mentor interventions as a note', () => {
    const e = estimate('mentoring-follow-up', { months: 24 });
    expect(e.effortDays).toBe(48);
    expect(e.lines.map((l) => l.formula)).toEqual(['48 days × 450 EUR = 21,600 EUR']);
    expect(e.notes).toEqual([
      'Plus mentor interventions when needed: D4.2 gives no figure, so they are not costed.',
    ]);
  });

  it('costs innovation clubs at least one meeting day per foreign market', () => {
    const e = estimate('innovation-clubs', { units: 3 });
    expect(e.lines.map((l) => [l.formula, l.effortDays])).toEqual([['3 days × 450 EUR = 1,350 EUR', 3]]);
    expect(e.notes).toEqual([
      'D4.2 asks at least 1 day of meetings per foreign market: more days cost more.',
      'Such meetings can take place online without serious costs.',
      'No figure in D4.2 for stand / room rental, food & beverage, marketing material: add them as lines by hand.',
    ]);
  });
});

describe('instruments without a figure', () => {
  const withoutFigures = D42_INSTRUMENTS.filter((i) => requiredParameters(i.budget).length === 0);

  it('are the ten whose D4.2 budget text gives no number', () => {
    expect(withoutFigures.map((i) => i.code)).toEqual([
      '1.1.6',
      '1.2.2',
      '1.2.3',
      '1.2.4',
      '1.2.5',
      '1.3.2',
      '1.3.3',
      '1.3.4',
      '1.3.5',
      '1.3.6',
    ]);
  });

  it.each(withoutFigures.map((i) => [i.code, i] as const))(
    '%s gives an empty estimate with notes',
    (_, i) => {
      const e = estimateBudget({ instrument: i, parameters: {}, dayRateCents: 45_000, travelRate: null });
      expect(e.lines).toEqual([]);
      expect(e.totalCents).toBe(0);
      expect(e.effortDays).toBe(0);
      expect(e.notes[0]).toBe(`D4.2 gives no figure for ${i.name}: add its lines by hand.`);
      expect(e.notes.length).toBeGreaterThan(1);
    },
  );

  it('say what the cost depends on', () => {
    expect(estimate('trade-fairs', {}).notes).toEqual([
      'D4.2 gives no figure for Trade Fairs: add its lines by hand.',
      'The cost depends on the events (D4.2).',
      'No figure in D4.2 for travel, accommodation, food & beverage, marketing material, stand / room rental: add them as lines by hand.',
    ]);
    expect(estimate('ambassador-staff-exchange', {}).notes).toContain(
      'The cost depends on the targeted country and the skills of the ambassador (D4.2).',
    );
  });
});

describe('requiredParameters', () => {
  it('names what each model with figures needs, in a fixed order', () => {
    const needs = Object.fromEntries(
      D42_INSTRUMENTS.filter((i) => requiredParameters(i.budget).length > 0).map((i) => [
        i.key,
        requiredParameters(i.budget),
      ]),
    );
    expect(needs).toEqual({
      'training-to-go-international': ['units'],
      'branding-toolkits': ['units'],
      'study-visits': ['units', 'travellers', 'nights', 'destination'],
      newsletter: ['months'],
      'innovation-clubs': ['units'],
      'matchmaking-events': ['entities'],
      'mentoring-follow-up': ['months'],
    });
  });
});

describe('estimateForm', () => {
  it('asks a study visit for missions, travellers (D4.2: 2–3), nights and a destination, at a day rate', () => {
    expect(estimateForm(instrument('study-visits').budget)).toEqual({
      parameters: [
        { name: 'units', range: { min: 1, max: 1000 }, unit: 'mission', typical: null },
        {
          name: 'travellers',
          range: { min: 1, max: 100 },
          unit: null,
          typical: { min: 2, max: 3, who: 'cluster representatives' },
        },
        { name: 'nights', range: { min: 0, max: 365 }, unit: null, typical: null },
        { name: 'destination', range: null, unit: null, typical: null },
      ],
      usesDayRate: true,
    });
  });

  it('asks the newsletter for months of one issue, matchmaking for entities without a day rate, a trade fair for nothing', () => {
    expect(estimateForm(instrument('newsletter').budget).parameters).toEqual([
      { name: 'months', range: { min: 1, max: 120 }, unit: 'issue', typical: null },
    ]);
    expect(estimateForm(instrument('matchmaking-events').budget)).toEqual({
      parameters: [{ name: 'entities', range: { min: 1, max: 10_000 }, unit: null, typical: null }],
      usesDayRate: false,
    });
    expect(estimateForm(instrument('innovation-clubs').budget).parameters[0]?.unit).toBe('foreign_market');
    expect(estimateForm(instrument('trade-fairs').budget)).toEqual({ parameters: [], usesDayRate: false });
  });

  it('names the same parameters as requiredParameters for every instrument', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(estimateForm(i.budget).parameters.map((p) => p.name)).toEqual(requiredParameters(i.budget));
    }
  });
});

describe('missing parameters', () => {
  it('are said in plain words: no parameter names or standard numbers in the message', () => {
    const messages = D42_INSTRUMENTS.flatMap((i) => {
      try {
        estimate(i.key, {});
        return [];
      } catch (error) {
        return (error as InvalidInputError).errors.map((e) => e.message);
      }
    });
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages)
      expect(message).not.toMatch(
        /ISO|alpha-2|\((units|months|issues|entities|travellers|nights|destination)/,
      );
  });

  it('name each field and the figure that needs it', () => {
    expect(invalidFields(() => estimate('study-visits', {}))).toEqual([
      {
        field: 'parameters.units',
        message: 'The budget of Study Visits counts 8 days per mission: give the number of missions',
      },
      {
        field: 'parameters.travellers',
        message:
          'The budget of Study Visits pays travel for 2–3 cluster representatives per mission: give the number of travellers on each',
      },
      {
        field: 'parameters.nights',
        message:
          'The budget of Study Visits pays travel for 2–3 cluster representatives per mission: give the nights away on each (0 for a day trip)',
      },
      {
        field: 'parameters.destination',
        message:
          'The budget of Study Visits pays travel for 2–3 cluster representatives per mission: give the destination country, whose travel costs apply',
      },
    ]);
  });

  it('name entities for matchmaking and months (or issues) for the newsletter', () => {
    expect(invalidFields(() => estimate('matchmaking-events', { units: 3 }))).toEqual([
      {
        field: 'parameters.entities',
        message:
          'The budget of Matchmaking Events (B2B/C2C/B2I) counts 1,500 EUR per participating entity: give the number of participating entities',
      },
    ]);
    expect(invalidFields(() => estimate('newsletter', {}))).toEqual([
      {
        field: 'parameters.months',
        message:
          'The budget of Newsletter counts 4 days per month: give the number of months, or of monthly issues',
      },
    ]);
    expect(invalidFields(() => estimate('mentoring-follow-up', { issues: 24 })).map((e) => e.field)).toEqual([
      'parameters.months',
    ]);
  });

  it('ask for a travel rate when there is a destination but no rate, or the rate of another country', () => {
    const visit = { units: 1, travellers: 2, nights: 2, destination: 'CN' };
    expect(invalidFields(() => estimate('study-visits', visit))).toEqual([
      { field: 'travelRate', message: 'no travel rate for CN: give one' },
    ]);
    expect(invalidFields(() => estimate('study-visits', visit, { travelRate: JAPAN }))).toEqual([
      { field: 'travelRate', message: 'is the travel rate of JP, not of the destination CN' },
    ]);
  });

  it('are the message of the error too', () => {
    expect(() => estimate('branding-toolkits', {})).toThrow(
      'Cannot estimate the budget of Branding Toolkits: parameters.units',
    );
  });
});

describe('invalid parameters', () => {
  it.each([
    ['units', 1.5],
    ['units', 0],
    ['units', -2],
    ['units', 1001],
    ['months', 121],
    ['issues', 0],
    ['entities', 10_001],
    ['travellers', 101],
    ['travellers', 0],
    ['nights', -1],
    ['nights', 366],
    ['units', Number.NaN],
  ] as const)('reject %s = %s, naming the field', (name, value) => {
    const errors = invalidFields(() => estimate('training-to-go-international', { units: 2, [name]: value }));
    expect(errors).toEqual([
      { field: `parameters.${name}`, message: expect.stringMatching(/^must be a whole number from/) },
    ]);
  });

  it('accept the bounds: 1,000 units, 120 months, 0 nights', () => {
    expect(estimate('training-to-go-international', { units: 1000 }).effortDays).toBe(4000);
    expect(estimate('newsletter', { months: 120 }).effortDays).toBe(480);
    const dayTrip = estimate(
      'study-visits',
      { units: 1, travellers: 2, nights: 0, destination: 'JP' },
      { travelRate: JAPAN },
    );
    expect(dayTrip.lines.map((l) => l.formula)).toEqual([
      '8 days × 450 EUR = 3,600 EUR',
      '2 travellers × 820 EUR travel = 1,640 EUR',
      '2 travellers × 1 day × 60 EUR = 120 EUR',
    ]);
  });

  it('reject a destination that is not two capital letters', () => {
    const errors = invalidFields(() =>
      estimate(
        'study-visits',
        { units: 1, travellers: 2, nights: 1, destination: 'jp' },
        { travelRate: JAPAN },
      ),
    );
    expect(errors.map((e) => e.field)).toContain('parameters.destination');
  });

  it('reject a newsletter whose issues differ from its months', () => {
    expect(invalidFields(() => estimate('newsletter', { months: 12, issues: 10 }))).toEqual([
      {
        field: 'parameters.issues',
        message: 'Newsletter has one issue a month: give months or issues, or the same number for both',
      },
    ]);
  });

  it('reject a negative, fractional or absurd day rate and travel rate', () => {
    for (const dayRateCents of [-1, 450.5, 2_000_001]) {
      expect(invalidFields(() => estimate('branding-toolkits', { units: 1 }, { dayRateCents }))).toEqual([
        { field: 'dayRateCents', message: 'must be whole cents from 0 to 20,000 EUR' },
      ]);
    }
    const badRate = { ...JAPAN, travelCents: -5, subsistencePerDayCents: 0.5 };
    const errors = invalidFields(() =>
      estimate(
        'study-visits',
        { units: 1, travellers: 2, nights: 1, destination: 'JP' },
        { travelRate: badRate },
      ),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'travelRate.travelCents',
      'travelRate.subsistencePerDayCents',
    ]);
  });

  it('report every problem at once', () => {
    const errors = invalidFields(() =>
      estimate('study-visits', { units: -1, travellers: 2 }, { dayRateCents: -1 }),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'parameters.units',
      'dayRateCents',
      'parameters.nights',
      'parameters.destination',
    ]);
  });
});

describe('notes on parameters', () => {
  it('flag a traveller count outside the seed’s 2–3 representatives, but cost it', () => {
    const e = estimate(
      'study-visits',
      { units: 1, travellers: 5, nights: 2, destination: 'JP' },
      { travelRate: JAPAN },
    );
    expect(e.lines[1]?.formula).toBe('5 travellers × 820 EUR travel = 4,100 EUR');
    expect(e.notes).toContain('D4.2 counts 2–3 cluster representatives per mission; this estimate counts 5.');
  });

  it('name parameters the model does not use', () => {
    expect(estimate('branding-toolkits', { units: 1, entities: 4, destination: 'JP' }).notes).toEqual([
      "Not used by this instrument's budget model: entities, destination.",
    ]);
  });
});

describe('formula text and rounding', () => {
  it('writes cents only when they are not zero, and thousands with commas', () => {
    const halfEuro = estimate('training-to-go-international', { units: 1 }, { dayRateCents: 45_050 });
    expect(halfEuro.lines[0]?.formula).toBe('4 days × 450.50 EUR = 1,802 EUR');
    expect(halfEuro.totalCents).toBe(180_200);
    const odd = estimate('training-to-go-international', { units: 1 }, { dayRateCents: 33_333 });
    expect(odd.lines[0]?.formula).toBe('4 days × 333.33 EUR = 1,333.32 EUR');
    const large = estimate('newsletter', { months: 120 }, { dayRateCents: 123_456 });
    // 480 days × 1,234.56 EUR = 592,588.80 EUR
    expect(large.lines[0]?.formula).toBe('480 days × 1,234.56 EUR = 592,588.80 EUR');
    expect(large.totalCents).toBe(59_258_880);
  });

  it('writes one day, one night, one entity and one traveller in the singular', () => {
    expect(estimate('innovation-clubs', { units: 1 }).lines[0]?.formula).toBe('1 day × 450 EUR = 450 EUR');
    expect(estimate('matchmaking-events', { entities: 1 }).lines[0]?.formula).toBe(
      '1 entity × 1,500 EUR = 1,500 EUR',
    );
    const solo = estimate(
      'study-visits',
      { units: 1, travellers: 1, nights: 1, destination: 'JP' },
      { travelRate: JAPAN },
    );
    expect(solo.lines.map((l) => l.formula).slice(1)).toEqual([
      '1 traveller × 820 EUR travel = 820 EUR',
      '1 traveller × 1 night × 130 EUR = 130 EUR',
      '1 traveller × 2 days × 60 EUR = 120 EUR',
    ]);
  });

  it('keeps every amount in whole cents and the totals as sums of the lines', () => {
    const e = estimate(
      'study-visits',
      { units: 3, travellers: 3, nights: 5, destination: 'JP' },
      { dayRateCents: 41_111, travelRate: { ...JAPAN, travelCents: 123_457 } },
    );
    for (const line of e.lines) expect(Number.isInteger(line.amountCents)).toBe(true);
    expect(e.totalCents).toBe(e.lines.reduce((s, l) => s + l.amountCents, 0));
    // 24 days × 411.11 EUR = 9,866.64 EUR; 9 travellers × 1,234.57 EUR = 11,111.13 EUR
    expect(e.lines[0]?.amountCents).toBe(986_664);
    expect(e.lines[1]?.amountCents).toBe(1_111_113);
  });
});

describe('docs/budget-estimates.md', () => {
  it('lists the 17 instruments with the parameters the engine asks for', () => {
    const doc = readFileSync(new URL('../../../docs/budget-estimates.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((l) => /^\| 1\.\d\.\d /.test(l));
    const documented = Object.fromEntries(
      rows.map((row) => {
        const cells = row.split('|').map((c) => c.trim());
        return [cells[1], [...(cells[4] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1])];
      }),
    );
    expect(documented).toEqual(
      Object.fromEntries(D42_INSTRUMENTS.map((i) => [i.code, requiredParameters(i.budget)])),
    );
  });
});
