/**
 * English UI strings of issue 23 (roadmap). Spread into `en` so pages read
 * `messages.roadmap.…`.
 */
export const enRoadmap = {
  roadmap: {
    title: 'Recommended roadmap',
    intro:
      'The instruments and quantities with the greatest expected value for this market under the budget cap, in phase order, with why each is in or out.',
    budget: 'Budget cap',
    budgetSlider: 'Budget cap slider',
    budgetEur: 'Budget cap (EUR)',
    budgetRange: 'Give a budget cap above zero, at most 10,000,000',
    from: 'From',
    to: 'To',
    loading: 'Computing the recommendation…',
    updating: 'Updating…',
    loadError: 'The recommendation could not be computed',
    noMembers:
      'No member is interested in this market yet: there is nothing to recommend. Add the country to members’ target-market interests first.',
    nothingFits: 'Nothing fits this budget cap: raise it to see a recommendation.',
    chosen: 'Recommended instruments',
    rejected: 'Left out',
    instrument: 'Instrument',
    phase: 'Phase',
    quantity: 'Quantity',
    cost: 'Cost',
    why: 'Why',
    expectedKpis: 'Expected KPIs',
    budgetLines: 'Budget lines',
    assumedCost: 'Assumed cost: D4.2 gives no figure',
    fromHistory: 'Values from your past activities',
    fromCatalogue: 'Values from the catalogue defaults',
    total: (cost: string, cap: string) => `${cost} of ${cap}`,
    totalLabel: 'Total against the cap',
    expectedValue: (value: string) => `Expected value: ${value} points`,
    proofOptimal: (states: string, ms: string) =>
      `Proven optimal: no other choice within the cap has a greater expected value (${states} partial choices compared in ${ms} ms).`,
    facts: (members: string, contacts: string, partners: string) =>
      `${members} interested members · ${contacts} contacts there · ${partners} partners there`,
    notReady: 'Most interested members are not ready yet: preparatory instruments come first.',
    quantityUnits: {
      units: (n: string) => `${n} units`,
      months: (n: string) => `${n} months`,
      entities: (n: string) => `${n} entities`,
    },
    reasons: {
      best_value_per_euro: 'Best value per euro',
      prepares_members: 'Prepares members who are not ready yet',
      opens_the_way: (names: string) => `Opens the way for ${names}`,
      max_quantity: 'As many as make sense in the period',
      diminishing_returns: 'More would add less than it costs (diminishing returns)',
      budget_limit: 'More would exceed the budget cap',
      over_budget: 'Over budget',
      members_not_ready: 'Members not ready',
      no_partners_there: 'No partners there yet',
      needs_contacts_first: 'Needs contacts first',
      needs_interested_members: 'Needs interested members',
      needs_earlier_phase: 'Needs an instrument of the earlier phase first',
      lower_value_per_euro: (name: string) => `Lower value per euro than ${name}`,
      no_units_in_period: 'Does not fit in the period',
    },
    accept: 'Accept into a plan',
    acceptTitle: 'Accept the recommendation into a plan',
    acceptBody: (activities: string, cost: string) =>
      `A draft plan is created on this market with the recommended instruments, dated activities across the period and their estimated budget lines (${activities} instruments, ${cost}).`,
    planName: 'Plan name',
    defaultPlanName: (market: string, year: string) => `${market} ${year} (recommended)`,
    create: 'Create the plan',
    cancel: 'Cancel',
    acceptFailed: 'The plan could not be created',
    nameRequired: 'Give the plan a name',
  },
};
