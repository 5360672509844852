/**
 * The project form's values, checks and request bodies. Pure, so it is unit-tested; the server
 * checks everything again (and names the field when it refuses).
 */
import type {
  FundingProgramme,
  ProjectPartnerRole,
  ProjectStatus,
} from '../../../../src/domain/network/types.ts';
import { messages } from '../../messages/en.ts';
import type { ProjectDetailDto } from './queries.ts';

const t = messages.projects.form;

export type PartnerKind = 'cluster' | 'organisation' | 'network_organisation';

export interface PartnerDraft {
  key: string;
  kind: PartnerKind;
  refId: string | null;
  role: ProjectPartnerRole;
}

export interface ProjectFormValues {
  title: string;
  description: string;
  clusterId: string | null;
  fundingProgramme: FundingProgramme | null;
  amount: number | string;
  currency: string | null;
  status: ProjectStatus;
  commonLabel: boolean;
  internationalFunding: boolean;
  activityId: string | null;
  startsOn: string;
  endsOn: string;
  partners: PartnerDraft[];
}

export const PROJECT_FIELDS = [
  'title',
  'description',
  'clusterId',
  'fundingProgramme',
  'amount',
  'currency',
  'status',
  'commonLabel',
  'internationalFunding',
  'activityId',
  'startsOn',
  'endsOn',
  'partners',
] as const satisfies readonly (keyof ProjectFormValues)[];
export type ProjectField = (typeof PROJECT_FIELDS)[number];

export function emptyProjectForm(defaults: Partial<ProjectFormValues> = {}): ProjectFormValues {
  return {
    title: '',
    description: '',
    clusterId: null,
    fundingProgramme: null,
    amount: '',
    currency: 'EUR',
    status: 'idea',
    commonLabel: false,
    internationalFunding: false,
    activityId: null,
    startsOn: '',
    endsOn: '',
    partners: [],
    ...defaults,
  };
}

export function projectValuesOf(project: ProjectDetailDto): ProjectFormValues {
  return {
    title: project.title,
    description: project.description,
    clusterId: project.clusterId,
    fundingProgramme: project.fundingProgramme,
    amount: project.amount ?? '',
    currency: project.currency,
    status: project.status,
    commonLabel: project.commonLabel,
    internationalFunding: project.internationalFunding,
    activityId: project.activityId,
    startsOn: project.startsOn ?? '',
    endsOn: project.endsOn ?? '',
    partners: [],
  };
}

const amountOf = (value: number | string): number | null =>
  value === '' || value === null ? null : typeof value === 'number' ? value : Number(value);

/** The errors the form can see before asking the server. */
export function validateProject(values: ProjectFormValues): Partial<Record<ProjectField, string>> {
  const errors: Partial<Record<ProjectField, string>> = {};
  if (values.title.trim() === '') errors.title = t.titleRequired;
  const amount = amountOf(values.amount);
  if (amount !== null && amount < 0) errors.amount = t.amountNegative;
  if (amount !== null && !values.currency) errors.currency = t.currencyRequired;
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) errors.endsOn = t.endBeforeStart;
  if (values.partners.some((p) => !p.refId)) errors.partners = messages.projects.partners.choose;
  return errors;
}

function partnerBody(partner: PartnerDraft) {
  const ref = partner.refId as string;
  return partner.kind === 'cluster'
    ? { clusterId: ref, role: partner.role }
    : partner.kind === 'organisation'
      ? { organisationId: ref, role: partner.role }
      : { networkOrganisationId: ref, role: partner.role };
}

/** The body of a new project (with its partners). */
export function projectBodyOf(values: ProjectFormValues) {
  const amount = amountOf(values.amount);
  return {
    title: values.title.trim(),
    description: values.description,
    clusterId: values.clusterId,
    fundingProgramme: values.fundingProgramme,
    amount,
    currency: amount === null ? null : values.currency,
    status: values.status,
    commonLabel: values.commonLabel,
    internationalFunding: values.internationalFunding,
    activityId: values.activityId,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    partners: values.partners.filter((p) => p.refId).map(partnerBody),
  };
}

/** The body of an edit: only what changed, with the version read. */
export function projectPatchOf(base: ProjectDetailDto, values: ProjectFormValues) {
  const { partners: _partners, ...next } = projectBodyOf(values);
  const before = { ...projectBodyOf(projectValuesOf(base)) } as Record<string, unknown>;
  delete before.partners;
  const patch: Record<string, unknown> = { version: base.version };
  for (const [key, value] of Object.entries(next)) {
    if (before[key] !== value) patch[key] = value;
  }
  // The amount is sent with its currency: the server asks for both when either changes.
  if ('currency' in patch || 'amount' in patch) {
    patch.amount = next.amount;
    patch.currency = next.currency;
  }
  return patch as { version: number } & Partial<Omit<ReturnType<typeof projectBodyOf>, 'partners'>>;
}
