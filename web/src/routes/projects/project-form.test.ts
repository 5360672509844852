import { describe, expect, it } from 'vitest';
import { emptyProjectForm, projectBodyOf, projectPatchOf, validateProject } from './project-form.ts';
import type { ProjectDetailDto } from './queries.ts';

const project: ProjectDetailDto = {
  id: 'p1',
  title: 'Lunar lab',
  description: '',
  clusterId: null,
  clusterName: null,
  fundingProgramme: 'esa',
  amount: 1000,
  amountMinor: 100000,
  currency: 'EUR',
  status: 'idea',
  commonLabel: false,
  internationalFunding: false,
  activityId: null,
  activityTitle: null,
  instrumentId: null,
  instrumentName: null,
  startsOn: null,
  endsOn: null,
  completedOn: null,
  partnerCount: 0,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  partners: [],
  canEdit: true,
};

describe('the project form', () => {
  it('checks the title, the amount and its currency, the dates and the partners', () => {
    expect(validateProject(emptyProjectForm())).toEqual({ title: 'Give the project a title' });
    expect(
      validateProject(
        emptyProjectForm({
          title: 'x',
          amount: -1,
          currency: null,
          startsOn: '2027-02-01',
          endsOn: '2027-01-01',
          partners: [{ key: 'a', kind: 'cluster', refId: null, role: 'partner' }],
        }),
      ),
    ).toEqual({
      amount: 'The amount cannot be negative',
      currency: 'Choose the currency of the amount',
      endsOn: 'The end cannot be before the start',
      partners: 'Choose who',
    });
  });

  it('sends partners by kind, and an edit only what changed (the amount with its currency)', () => {
    const body = projectBodyOf(
      emptyProjectForm({
        title: ' Lab ',
        amount: '12.5',
        partners: [
          { key: 'a', kind: 'network_organisation', refId: 'n1', role: 'partner' },
          { key: 'b', kind: 'cluster', refId: 'c1', role: 'coordinator' },
        ],
      }),
    );
    expect(body).toMatchObject({ title: 'Lab', amount: 12.5, currency: 'EUR', startsOn: null });
    expect(body.partners).toEqual([
      { networkOrganisationId: 'n1', role: 'partner' },
      { clusterId: 'c1', role: 'coordinator' },
    ]);
    const values = {
      ...emptyProjectForm(),
      ...project,
      amount: 1000,
      startsOn: '',
      endsOn: '',
      partners: [],
    };
    expect(projectPatchOf(project, { ...values, status: 'proposal' })).toEqual({
      version: 3,
      status: 'proposal',
    });
    expect(projectPatchOf(project, { ...values, currency: 'USD' })).toEqual({
      version: 3,
      amount: 1000,
      currency: 'USD',
    });
  });
});
