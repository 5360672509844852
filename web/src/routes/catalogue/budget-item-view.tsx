import { Badge, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BudgetItem, EffortUnit } from '../../api/types.ts';
import { COST_CATEGORY_LABELS, EFFORT_UNIT_LABELS } from '../../api/vocabulary.ts';
import { activeLocale } from '../../app/language.ts';
import { messages } from '../../messages/en.ts';

const t = messages.budgetItem;

const euros = new Intl.NumberFormat(activeLocale(), {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const unitName = (unit: EffortUnit) => EFFORT_UNIT_LABELS[unit].one;

/** One item of a budget model in plain words, with the D4.2 phrase it was read from. */
export function BudgetItemView({ item }: { item: BudgetItem }) {
  return (
    <Group component="li" align="flex-start" gap="md" wrap="nowrap" py="sm">
      <Text
        fz="xs"
        fw={700}
        tt="uppercase"
        c="dimmed"
        w={150}
        pt={3}
        style={{ flexShrink: 0, letterSpacing: 0.4 }}
      >
        {t.kind[item.kind]}
      </Text>
      <div style={{ minWidth: 0 }}>
        {describe(item)}
        {'source' in item && item.source && (
          <Text fz="xs" c="dimmed" fs="italic" mt={4}>
            “{item.source}”
          </Text>
        )}
      </div>
    </Group>
  );
}

function describe(item: BudgetItem): ReactNode {
  switch (item.kind) {
    case 'effort_days_per_unit':
      return <Text fw={500}>{t.effortPerUnit(t.days(item.days), unitName(item.unit))}</Text>;
    case 'recurring_days_per_month':
      return (
        <Text fw={500}>
          {t.recurringPerMonth(t.days(item.days))}
          {item.unit ? `, ${t.recurringProduces(unitName(item.unit))}` : ''}
        </Text>
      );
    case 'travellers_per_mission':
      return <Text fw={500}>{t.travellers(item.min, item.max, item.who)}</Text>;
    case 'fee_per_entity':
      return (
        <>
          <Group gap="xs">
            <Text fw={500}>{t.feePerEntity(euros.format(item.amountEur))}</Text>
            {item.orderOfMagnitude && (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {t.orderOfMagnitude}
              </Badge>
            )}
          </Group>
          {item.includes.length > 0 && (
            <Group gap={6} mt={6}>
              <Text fz="sm" c="dimmed">
                {t.includes}:
              </Text>
              <CategoryBadges categories={item.includes} />
            </Group>
          )}
        </>
      );
    case 'min_days_per_unit':
      return <Text fw={500}>{t.minDaysPerUnit(t.days(item.days), unitName(item.unit))}</Text>;
    case 'additional_effort':
      return <Text fw={500}>{t.additionalEffort(item.who, item.when)}</Text>;
    case 'cost_categories':
      return <CategoryBadges categories={item.categories} />;
    case 'depends_on':
      return (
        <List size="sm" spacing={2} listStyleType="disc">
          {item.factors.map((factor) => (
            <List.Item key={factor}>{factor}</List.Item>
          ))}
        </List>
      );
    case 'note':
      return <Text>{item.text}</Text>;
  }
}

function CategoryBadges({ categories }: { categories: readonly (keyof typeof COST_CATEGORY_LABELS)[] }) {
  return (
    <Group gap={6} role="list">
      {categories.map((category) => (
        <Badge key={category} role="listitem" variant="light" color="indigo" tt="none" fw={600}>
          {COST_CATEGORY_LABELS[category]}
        </Badge>
      ))}
    </Group>
  );
}
