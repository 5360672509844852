import { Breadcrumbs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { messages } from '../messages/en.ts';

/** The trail of links above a detail page's title. */
export function Crumbs({ children }: { children: ReactNode }) {
  return (
    <Breadcrumbs
      component="nav"
      aria-label={messages.planning.breadcrumb}
      separator="›"
      styles={{ separator: { color: 'var(--mantine-color-dimmed)' } }}
    >
      {children}
    </Breadcrumbs>
  );
}

/** The trail's last step: the page itself, not a link. */
export function CurrentCrumb({ children }: { children: ReactNode }) {
  return (
    <Text fz="sm" c="dimmed" aria-current="page">
      {children}
    </Text>
  );
}
