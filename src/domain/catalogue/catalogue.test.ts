import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFormula, describeBudgetItem } from './budget-formula.ts';
import { D42_INSTRUMENTS } from './instruments.ts';
import {
  type BudgetItem,
  type BudgetItemKind,
  FUNDING_SOURCES,
  type InstrumentDefinition,
  KPI_KINDS,
  type Phase,
} from './types.ts';

/**
 * The source document lives beside the repository (`../shared/seed/`, as on the project's machines
 * and in CI); `SPACE2ID_SEED_FILE` points elsewhere.
 */
const SEED_PATH =
  process.env.SPACE2ID_SEED_FILE ??
  path.resolve(
    import.meta.dirname,
    '../../../../shared/seed/space2id-d4.2-internationalisation-instruments.txt',
  );
if (!existsSync(SEED_PATH)) {
  throw new Error(
    `The D4.2 seed text is not at ${SEED_PATH}: put shared/ beside the repository or set SPACE2ID_SEED_FILE`,
  );
}

// --- A small parser of the seed's instrument sections -------------------------------------------

const LABELS = ['Description', 'Purpose/Benefits', 'Business Model', 'Budget Estimation', 'KPIs'] as const;
type Label = (typeof LABELS)[number];

interface SeedSection {
  code: string;
  name: string;
  /** Raw lines under each label, as printed. */
  parts: Partial<Record<Label, string>>;
}

/**
 * Lists printed without any bullet (no `•`, no `- ` lines): the phrases are only separated by a
 * space. Each split is checked against the seed (the phrases, joined by a space, must be the text).
 */
const UNBULLETED_LISTS: Record<string, string[]> = {
  '1.1.2 KPIs': ['Promotional material shared', 'Social media/website analytics'],
  '1.1.3 Purpose/Benefits': [
    'In situ perspective of the market',
    'Creation of a local network',
    'Initiation of first contacts',
    'Preparation of future visits of EU SMEs',
  ],
  '1.1.3 KPIs': [
    'Number of contacts mapped',
    'Estimation of potential partners',
    'Remarks on visited market',
  ],
  '1.1.5 Purpose/Benefits': [
    'Improve networking',
    'Introduction of new ideas and/or projects for new markets',
    'Sharing experiences and knowledge',
    'Preparation for further collaboration',
  ],
};

function parseSeed(raw: string): SeedSection[] {
  const sections: SeedSection[] = [];
  let current: SeedSection | undefined;
  let label: Label | undefined;
  for (const line of raw.split(/\r?\n/)) {
    const heading = /^(1\.[1-3]\.\d+) (.+)$/.exec(line);
    if (heading) {
      current = { code: heading[1] ?? '', name: (heading[2] ?? '').trim(), parts: {} };
      sections.push(current);
      label = undefined;
      continue;
    }
    if (/^1\.[1-3] [A-Z]/.test(line)) {
      // A group heading (1.2 INSTRUMENTS …) ends the previous instrument.
      current = undefined;
      continue;
    }
    if (!current) continue;
    const trimmed = line.trim();
    if ((LABELS as readonly string[]).includes(trimmed)) {
      label = trimmed as Label;
      current.parts[label] = '';
      continue;
    }
    if (label) current.parts[label] += `${line}\n`;
  }
  return sections;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whitespace normalised, HTML stripped, `<p>` paragraphs separated by a blank line. */
function seedText(raw: string): string {
  return raw
    .replace(/<ul[^>]*>/g, ' ')
    .split(/<\/p>\s*<p>/)
    .map((paragraph) => collapse(paragraph.replace(/<\/?p>/g, ' ')))
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

/** The bullets of a list part: separated by `•`, by `- ` lines, or unbulleted (see above). */
function seedBullets(section: SeedSection, label: Label): string[] {
  const raw = (section.parts[label] ?? '').replace(/<ul[^>]*>/g, ' ');
  if (raw.includes('•') || /^- /m.test(raw)) {
    return raw
      .split(/•|^- /m)
      .map(collapse)
      .filter((bullet) => bullet.length > 0);
  }
  const text = collapse(raw);
  const phrases = UNBULLETED_LISTS[`${section.code} ${label}`];
  if (phrases) {
    if (phrases.join(' ') !== text) throw new Error(`unbulleted split of ${section.code} ${label} is stale`);
    return phrases;
  }
  return text.length > 0 ? [text] : [];
}

const SEED = parseSeed(readFileSync(SEED_PATH, 'utf8'));

function seedOf(code: string): SeedSection {
  const section = SEED.find((s) => s.code === code);
  if (!section) throw new Error(`no section ${code} in the seed`);
  return section;
}

function instrument(key: string): InstrumentDefinition {
  const found = D42_INSTRUMENTS.find((i) => i.key === key);
  if (!found) throw new Error(`no instrument ${key}`);
  return found;
}

function itemsOf<K extends BudgetItemKind>(key: string, kind: K): Extract<BudgetItem, { kind: K }>[] {
  return instrument(key).budget.items.filter(
    (item): item is Extract<BudgetItem, { kind: K }> => item.kind === kind,
  );
}

const PHASE_OF_GROUP: Record<string, Phase> = { '1.1': 'preparatory', '1.2': 'leads', '1.3': 'sustain' };

// --- The catalogue against the seed -------------------------------------------------------------

describe('D4.2 catalogue', () => {
  it('reads 17 instrument sections from the seed, each with its five labelled parts', () => {
    expect(SEED).toHaveLength(17);
    for (const section of SEED) {
      expect(Object.keys(section.parts), section.code).toEqual([...LABELS]);
    }
  });

  it('has 17 instruments in the seed order 1.1.1 … 1.3.6', () => {
    expect(D42_INSTRUMENTS).toHaveLength(17);
    expect(D42_INSTRUMENTS.map((i) => i.code)).toEqual(SEED.map((s) => s.code));
    expect(D42_INSTRUMENTS[0]?.code).toBe('1.1.1');
    expect(D42_INSTRUMENTS.at(-1)?.code).toBe('1.3.6');
  });

  it('puts 1.1.x in preparatory, 1.2.x in leads and 1.3.x in sustain', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.phase, i.code).toBe(PHASE_OF_GROUP[i.code.slice(0, 3)]);
    }
    const count = (phase: Phase) => D42_INSTRUMENTS.filter((i) => i.phase === phase).length;
    expect([count('preparatory'), count('leads'), count('sustain')]).toEqual([6, 5, 6]);
  });

  it('has unique instrument keys and codes, keys being slugs', () => {
    expect(new Set(D42_INSTRUMENTS.map((i) => i.key)).size).toBe(17);
    expect(new Set(D42_INSTRUMENTS.map((i) => i.code)).size).toBe(17);
    for (const i of D42_INSTRUMENTS) expect(i.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('names each instrument as the seed heading after its code', () => {
    for (const i of D42_INSTRUMENTS) expect(i.name, i.code).toBe(seedOf(i.code).name);
  });

  it('has the seed description of each instrument, paragraphs kept', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.description, i.code).toBe(seedText(seedOf(i.code).parts.Description ?? ''));
    }
    expect(instrument('ambassador-staff-exchange').description.split('\n\n')).toHaveLength(4);
  });

  it('has every benefit bullet of the seed for each instrument', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.benefits, i.code).toEqual(seedBullets(seedOf(i.code), 'Purpose/Benefits'));
    }
  });

  it('has the seed business model of each instrument', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.businessModel, i.code).toBe(seedText(seedOf(i.code).parts['Business Model'] ?? ''));
    }
  });

  it('has the seed budget estimation text of each instrument', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.budget.text, i.code).toBe(seedText(seedOf(i.code).parts['Budget Estimation'] ?? ''));
    }
  });

  it('has every KPI bullet of the seed for each instrument', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(
        i.kpis.map((k) => k.label),
        i.code,
      ).toEqual(seedBullets(seedOf(i.code), 'KPIs'));
    }
  });

  it('finds the bullets split across a list and "- " lines, and the unbulleted ones', () => {
    const kpiCount = (code: string) => seedBullets(seedOf(code), 'KPIs').length;
    expect(kpiCount('1.2.1')).toBe(2);
    expect(kpiCount('1.2.3')).toBe(4);
    expect(kpiCount('1.3.4')).toBe(3);
    expect(kpiCount('1.1.2')).toBe(2);
    expect(kpiCount('1.1.3')).toBe(3);
    expect(seedBullets(seedOf('1.1.3'), 'Purpose/Benefits')).toHaveLength(4);
    expect(seedBullets(seedOf('1.1.5'), 'Purpose/Benefits')).toHaveLength(4);
  });

  it('quotes the instrument budget text in the source of every budget item and in every note', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.budget.items.length, i.code).toBeGreaterThan(0);
      for (const item of i.budget.items) {
        const quote = item.kind === 'note' ? item.text : item.source;
        expect(quote.length, i.code).toBeGreaterThan(0);
        expect(i.budget.text, i.code).toContain(quote);
      }
    }
  });

  it('has unique snake_case KPI keys within each instrument', () => {
    for (const i of D42_INSTRUMENTS) {
      const keys = i.kpis.map((k) => k.key);
      expect(new Set(keys).size, i.code).toBe(keys.length);
      for (const key of keys) expect(key, i.code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    }
  });

  it('gives every KPI a kind of the vocabulary and a unit unless it is free text', () => {
    for (const i of D42_INSTRUMENTS) {
      for (const k of i.kpis) {
        expect(KPI_KINDS, `${i.code} ${k.key}`).toContain(k.kind);
        if (k.kind === 'text') expect(k.unit, `${i.code} ${k.key}`).toBeNull();
        else expect(k.unit, `${i.code} ${k.key}`).toMatch(/\S/);
      }
    }
    const kpi = (key: string, kpiKey: string) => instrument(key).kpis.find((k) => k.key === kpiKey);
    expect(kpi('sales-marketing-representative', 'sales_volume_variation')).toMatchObject({
      kind: 'money',
      unit: 'EUR',
    });
    expect(kpi('sales-marketing-representative', 'customer_satisfaction')).toMatchObject({
      kind: 'rating',
      unit: '1–5',
    });
    expect(kpi('market-surveys-study', 'market_covered')).toMatchObject({ kind: 'percent', unit: '%' });
    expect(kpi('market-surveys-study', 'new_knowledge_acquired')).toMatchObject({ kind: 'text', unit: null });
    expect(kpi('study-visits', 'remarks_on_visited_market')).toMatchObject({ kind: 'text', unit: null });
    expect(kpi('validation-surveys', 'quality_of_facts')).toMatchObject({ kind: 'rating' });
  });

  it('uses funding sources of the vocabulary only, at least one, without duplicates', () => {
    for (const i of D42_INSTRUMENTS) {
      expect(i.fundingSources.length, i.code).toBeGreaterThan(0);
      expect(new Set(i.fundingSources).size, i.code).toBe(i.fundingSources.length);
      for (const source of i.fundingSources) expect(FUNDING_SOURCES, i.code).toContain(source);
    }
    expect(instrument('newsletter').fundingSources).toContain('subscriptions');
    expect(instrument('roadshows').fundingSources).toEqual([
      'eu_programme',
      'member_self_funding',
      'national_regional',
    ]);
  });
});

describe('D4.2 budget figures', () => {
  it('counts 4 days of work per training package', () => {
    expect(itemsOf('training-to-go-international', 'effort_days_per_unit')).toEqual([
      expect.objectContaining({ days: 4, unit: 'training_package' }),
    ]);
  });

  it('counts 20 days of work for the branding toolkit', () => {
    expect(itemsOf('branding-toolkits', 'effort_days_per_unit')).toEqual([
      expect.objectContaining({ days: 20, unit: 'toolkit' }),
    ]);
  });

  it('counts 8 days per study visit mission, 2–3 cluster representatives travelling, and its costs', () => {
    expect(itemsOf('study-visits', 'effort_days_per_unit')).toEqual([
      expect.objectContaining({ days: 8, unit: 'mission' }),
    ]);
    expect(itemsOf('study-visits', 'travellers_per_mission')).toEqual([
      expect.objectContaining({ min: 2, max: 3, who: 'cluster representatives' }),
    ]);
    expect(itemsOf('study-visits', 'cost_categories')[0]?.categories).toEqual([
      'travel',
      'accommodation',
      'food_beverage',
      'marketing_material',
    ]);
  });

  it('counts 4 days a month for a monthly newsletter issue', () => {
    expect(itemsOf('newsletter', 'recurring_days_per_month')).toEqual([
      expect.objectContaining({ days: 4, unit: 'issue' }),
    ]);
  });

  it('needs at least 1 day of innovation club meetings per foreign market, and notes online meetings', () => {
    expect(itemsOf('innovation-clubs', 'min_days_per_unit')).toEqual([
      expect.objectContaining({ days: 1, unit: 'foreign_market' }),
    ]);
    expect(itemsOf('innovation-clubs', 'cost_categories')[0]?.categories).toEqual([
      'stand_room_rental',
      'food_beverage',
      'marketing_material',
    ]);
    expect(itemsOf('innovation-clubs', 'note')[0]?.text).toMatch(/online/);
  });

  it('prices matchmaking at 1500 EUR per entity, travel included, as an order of magnitude', () => {
    expect(itemsOf('matchmaking-events', 'fee_per_entity')).toEqual([
      expect.objectContaining({ amountEur: 1500, includes: ['travel'], orderOfMagnitude: true }),
    ]);
    expect(itemsOf('matchmaking-events', 'depends_on')[0]?.factors).toEqual(['country', 'events']);
  });

  it('counts 2 days a month of mentoring plus mentor interventions when needed', () => {
    expect(itemsOf('mentoring-follow-up', 'recurring_days_per_month')).toEqual([
      expect.objectContaining({ days: 2 }),
    ]);
    expect(itemsOf('mentoring-follow-up', 'additional_effort')).toEqual([
      expect.objectContaining({ who: 'mentors', when: 'when needed' }),
    ]);
  });

  it('lists the costs of roadshows, trade fairs and conferences, and a local agent for roadshows', () => {
    const categories = (key: string) => itemsOf(key, 'cost_categories').flatMap((item) => item.categories);
    expect(categories('roadshows')).toEqual([
      'travel',
      'accommodation',
      'food_beverage',
      'marketing_material',
      'external_services',
    ]);
    expect(itemsOf('roadshows', 'note')[0]?.text).toMatch(/^A local agent/);
    for (const key of ['trade-fairs', 'international-events-conferences']) {
      expect(categories(key), key).toEqual([
        'travel',
        'accommodation',
        'food_beverage',
        'marketing_material',
        'stand_room_rental',
      ]);
      expect(itemsOf(key, 'depends_on')[0]?.factors, key).toEqual(['the events']);
    }
  });

  it('says what the cost depends on where the seed gives no figure', () => {
    expect(itemsOf('sales-marketing-representative', 'depends_on')[0]?.factors).toEqual([
      'the targeted country',
      'the skills of the representative',
    ]);
    expect(itemsOf('ambassador-staff-exchange', 'depends_on')[0]?.factors).toEqual([
      'the targeted country',
      'the skills of the ambassador',
    ]);
    expect(itemsOf('market-surveys-study', 'depends_on')[0]?.factors).toEqual([
      'the duration, length and depth of the survey',
      'the size of the targeted market',
    ]);
  });

  it('keeps the remarks without a figure as notes', () => {
    for (const key of [
      'validation-surveys',
      'events-at-home-regions',
      'soft-landing',
      'sustaining-the-networks',
    ]) {
      const notes = itemsOf(key, 'note');
      expect(notes.length, key).toBeGreaterThan(0);
      expect(notes.length, key).toBe(instrument(key).budget.items.length);
    }
  });
});

describe('budgetFormula', () => {
  const formula = (key: string) => budgetFormula(instrument(key).budget);

  it('renders effort per unit as days times the day rate', () => {
    expect(formula('training-to-go-international')).toBe('4 days × day rate per training package');
    expect(formula('branding-toolkits')).toBe('20 days × day rate per toolkit');
  });

  it('adds the travellers of a study visit to its effort', () => {
    expect(formula('study-visits')).toBe(
      '8 days × day rate per mission + travel for 2–3 cluster representatives',
    );
  });

  it('renders recurring effort per month, with the issue it produces', () => {
    expect(formula('newsletter')).toBe('4 days × day rate per month (one issue a month)');
    expect(formula('mentoring-follow-up')).toBe(
      '2 days × day rate per month + mentor interventions when needed',
    );
  });

  it('renders a fee per entity with what it includes', () => {
    expect(formula('matchmaking-events')).toBe(
      '1,500 EUR per participating entity (travel included; order of magnitude)',
    );
  });

  it('renders a minimum of meeting days per foreign market', () => {
    expect(formula('innovation-clubs')).toBe('at least 1 day of meetings per foreign market');
  });

  it('says there is no figure and names the dependencies and costs otherwise', () => {
    expect(formula('sales-marketing-representative')).toBe(
      'No figure in D4.2: depends on the targeted country, the skills of the representative',
    );
    expect(formula('trade-fairs')).toBe(
      'No figure in D4.2: depends on the events; covers travel, accommodation, food & beverage, marketing material, stand / room rental',
    );
    expect(formula('roadshows')).toBe(
      'No figure in D4.2: covers travel, accommodation, food & beverage, marketing material, external services',
    );
  });

  it('quotes the notes when the seed gives neither figure nor dependency', () => {
    expect(formula('validation-surveys')).toBe(
      "No figure in D4.2: Modern surveys are run through inexpensive online tools that do not burden clusters' budget.",
    );
    expect(budgetFormula({ text: '', items: [] })).toBe('No figure in D4.2');
  });

  it('renders a formula for every instrument', () => {
    for (const i of D42_INSTRUMENTS) expect(budgetFormula(i.budget), i.code).toMatch(/\S/);
  });
});

describe('describeBudgetItem', () => {
  it('renders the items without a figure', () => {
    expect(
      describeBudgetItem({
        kind: 'depends_on',
        factors: ['the targeted country', 'the skills of the representative'],
        source: '',
      }),
    ).toBe('Depends on: the targeted country, the skills of the representative');
    expect(describeBudgetItem(itemsOf('study-visits', 'cost_categories')[0] as BudgetItem)).toBe(
      'Covers: travel, accommodation, food & beverage, marketing material',
    );
    expect(describeBudgetItem({ kind: 'note', text: 'Costs are much lower.' })).toBe('Costs are much lower.');
  });

  it('uses the singular for a single day or traveller and leaves out empty remarks', () => {
    expect(describeBudgetItem({ kind: 'effort_days_per_unit', days: 1, unit: 'event', source: '' })).toBe(
      '1 day × day rate per event',
    );
    expect(
      describeBudgetItem({
        kind: 'travellers_per_mission',
        min: 2,
        max: 2,
        who: 'cluster representatives',
        source: '',
      }),
    ).toBe('travel for 2 cluster representatives');
    expect(
      describeBudgetItem({
        kind: 'fee_per_entity',
        amountEur: 12000,
        includes: [],
        orderOfMagnitude: false,
        source: '',
      }),
    ).toBe('12,000 EUR per participating entity');
  });
});
