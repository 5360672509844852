import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PROJECT_PARTNER_ROLES, type ProjectPartnerRole } from '../../../../src/domain/network/types.ts';
import { countryName } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import { NetworkOrganisationPicker } from '../network/organisation-picker.tsx';
import type { PartnerKind } from './project-form.ts';

const t = messages.projects;
const portal = { comboboxProps: { withinPortal: true } };

export const PARTNER_KINDS: readonly PartnerKind[] = ['network_organisation', 'organisation', 'cluster'];

/**
 * Who a partner is and their role: the kind (a network organisation, one of our member
 * organisations, one of our clusters), the one chosen of that kind, and the role.
 */
export function PartnerFields({
  workspace,
  idPrefix,
  kind,
  refId,
  role,
  error,
  onChange,
}: {
  workspace: string;
  idPrefix: string;
  kind: PartnerKind;
  refId: string | null;
  role: ProjectPartnerRole;
  error?: string | undefined;
  onChange: (next: { kind?: PartnerKind; refId?: string | null; role?: ProjectPartnerRole }) => void;
}) {
  const clusters = useQuery({ ...allClustersQuery(workspace), enabled: kind === 'cluster' });
  const organisations = useQuery({
    ...organisationDirectoryQuery(workspace),
    enabled: kind === 'organisation',
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
      <Select
        {...portal}
        id={`${idPrefix}-kind`}
        label={t.partners.kind}
        data={PARTNER_KINDS.map((value) => ({ value, label: t.partnerKind[value] ?? value }))}
        value={kind}
        allowDeselect={false}
        onChange={(value) => value && onChange({ kind: value as PartnerKind, refId: null })}
      />
      {kind === 'network_organisation' ? (
        <NetworkOrganisationPicker
          workspace={workspace}
          id={`${idPrefix}-ref`}
          label={t.partnerKind.network_organisation}
          value={refId}
          error={error}
          onChange={(id) => onChange({ refId: id })}
        />
      ) : kind === 'organisation' ? (
        <Select
          {...portal}
          id={`${idPrefix}-ref`}
          label={t.partners.organisation}
          placeholder={t.partners.choose}
          data={(organisations.data ?? []).map((o) => ({
            value: o.id,
            label: `${o.name} · ${countryName(o.country)}`,
          }))}
          value={refId}
          error={error}
          onChange={(value) => onChange({ refId: value })}
          searchable
          clearable
          nothingFoundMessage="—"
        />
      ) : (
        <Select
          {...portal}
          id={`${idPrefix}-ref`}
          label={t.partners.cluster}
          placeholder={t.partners.choose}
          data={(clusters.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.shortName} · ${c.name}`,
          }))}
          value={refId}
          error={error}
          onChange={(value) => onChange({ refId: value })}
          searchable
          clearable
          nothingFoundMessage="—"
        />
      )}
      <Select
        {...portal}
        id={`${idPrefix}-role`}
        label={t.partners.role}
        data={PROJECT_PARTNER_ROLES.map((value) => ({ value, label: t.role[value] ?? value }))}
        value={role}
        allowDeselect={false}
        onChange={(value) => value && onChange({ role: value as ProjectPartnerRole })}
      />
    </SimpleGrid>
  );
}
