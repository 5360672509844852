import { AppShell, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useMatchRoute, useRouter } from '@tanstack/react-router';
import { type MouseEvent, useEffect } from 'react';
import { messages } from '../messages/en.ts';
import { BrandMark } from './brand-mark.tsx';
import { NavLinkLink } from './links.tsx';

const MAIN_ID = 'main-content';

function focusMain(event?: MouseEvent) {
  event?.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

/** The app shell: skip link, header with the product name, navigation, and the page in `<main>`. */
export function RootLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const router = useRouter();
  const matchRoute = useMatchRoute();
  const closeNav = nav.close;

  // After a client-side page change, move focus to the new page so keyboard and screen-reader users
  // start at its top instead of on a link that no longer exists. Filter changes (search only) keep focus.
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (!event.pathChanged || !event.fromLocation) return;
        closeNav();
        document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
      }),
    [router, closeNav],
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'lg', lg: 'xl' }}
      bg="var(--mantine-color-gray-0)"
    >
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={focusMain}>
        {messages.app.skipToContent}
      </a>

      <AppShell.Header px="md">
        <Group h="100%" gap="sm" wrap="nowrap">
          <Burger
            opened={navOpened}
            onClick={nav.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={messages.app.toggleNavigation}
            aria-expanded={navOpened}
            aria-controls="main-navigation"
          />
          <UnstyledButton component={Link} to="/catalogue" aria-label={messages.app.name}>
            <Group gap={10} wrap="nowrap">
              <BrandMark />
              <Text component="span" fw={700} fz="lg" c="var(--mantine-color-text)">
                {messages.app.name}
              </Text>
            </Group>
          </UnstyledButton>
          <Text component="span" c="dimmed" fz="sm" visibleFrom="md">
            {messages.app.tagline}
          </Text>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label={messages.app.mainNavigation}>
        <AppShell.Section grow component={ScrollArea}>
          <NavSectionLabel>{messages.nav.programme}</NavSectionLabel>
          <NavLinkLink
            to="/catalogue"
            label={messages.nav.catalogue}
            active={Boolean(matchRoute({ to: '/catalogue', fuzzy: true }))}
            leftSection={<CatalogueIcon />}
          />
        </AppShell.Section>
        <AppShell.Section>
          <NavSectionLabel>{messages.nav.developers}</NavSectionLabel>
          <NavLink href="/api/docs" label={messages.nav.apiReference} leftSection={<ApiIcon />} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function NavSectionLabel({ children }: { children: string }) {
  return (
    <Text c="dimmed" fz="xs" fw={700} tt="uppercase" px="sm" pt="xs" pb={6} style={{ letterSpacing: 0.4 }}>
      {children}
    </Text>
  );
}

function CatalogueIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <rect x="3" y="4" width="5" height="16" rx="1.5" />
      <rect x="10" y="4" width="5" height="16" rx="1.5" />
      <rect x="17" y="4" width="4" height="16" rx="1.5" />
    </svg>
  );
}

function ApiIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <path d="M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 4l-3 16" />
    </svg>
  );
}

const iconStroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;
