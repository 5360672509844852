import {
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  Link,
  Outlet,
  useLocation,
  useMatchRoute,
  useNavigate,
  useParams,
  useRouter,
} from '@tanstack/react-router';
import { type MouseEvent, useEffect } from 'react';
import { API_REFERENCE_PAGE } from '../api/links.ts';
import type { MeDto, MembershipDto } from '../api/types.ts';
import { messages } from '../messages/en.ts';
import { WorkspaceLogo } from '../routes/workspaces/workspace-logo.tsx';
import { useAbilities } from './abilities.ts';
import { BrandMark } from './brand-mark.tsx';
import { GlobalSearch } from './global-search.tsx';
import { followAccountLanguage } from './language.ts';
import { LanguageMenu } from './language-menu.tsx';
import { ButtonLink, NavLinkLink } from './links.tsx';
import { useMe } from './session.ts';
import { UserMenu } from './user-menu.tsx';

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
  const me = useMe();
  const signedIn = me.data ?? null;
  const params = useParams({ strict: false }) as { workspace?: string };
  // The workspace in the address, else the user's first: navigation always shows one workspace.
  const current =
    signedIn?.workspaces.find((w) => w.slug === params.workspace) ?? signedIn?.workspaces[0] ?? null;
  const onSignIn = Boolean(matchRoute({ to: '/sign-in' }));
  const accountLanguage = signedIn?.language ?? null;
  // The account's language, chosen on another device, wins over this browser's (one reload).
  useEffect(() => followAccountLanguage(accountLanguage), [accountLanguage]);

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
          {signedIn && current ? (
            <WorkspaceLogo workspace={current.slug} />
          ) : (
            <Text component="span" c="dimmed" fz="sm" visibleFrom="md">
              {messages.app.tagline}
            </Text>
          )}
          <Group ml="auto" gap="sm" wrap="nowrap">
            {signedIn && current && <GlobalSearch workspace={current.slug} workspaceName={current.name} />}
            {signedIn ? <UserMenu me={signedIn} /> : me.isSuccess ? <LanguageMenu /> : null}
            {!signedIn && me.isSuccess && !onSignIn ? (
              <ButtonLink to="/sign-in" variant="light" size="sm">
                {messages.session.signIn}
              </ButtonLink>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label={messages.app.mainNavigation}>
        <AppShell.Section grow component={ScrollArea}>
          <NavSectionLabel>{messages.nav.programme}</NavSectionLabel>
          <NavLinkLink
            to="/catalogue"
            label={messages.nav.catalogue}
            active={Boolean(
              matchRoute({ to: '/catalogue', fuzzy: true }) ||
                matchRoute({ to: '/w/$workspace/instruments/$key', fuzzy: true }),
            )}
            leftSection={<CatalogueIcon />}
          />
          {signedIn && current && <WorkspaceNav me={signedIn} current={current} />}
          {signedIn?.operator && (
            <NavLinkLink
              to="/operator"
              label={messages.operator.nav}
              active={Boolean(matchRoute({ to: '/operator' }))}
              leftSection={<ApiIcon />}
            />
          )}
        </AppShell.Section>
        <AppShell.Section>
          <NavSectionLabel>{messages.nav.developers}</NavSectionLabel>
          <NavLink href={API_REFERENCE_PAGE} label={messages.nav.apiReference} leftSection={<ApiIcon />} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** The current workspace (a switcher when the user has several) and its pages for the user's role. */
function WorkspaceNav({ me, current }: { me: MeDto; current: MembershipDto }) {
  const matchRoute = useMatchRoute();
  const pathname = useLocation({ select: (location) => location.pathname });
  const navigate = useNavigate();
  const workspace = current.slug;
  const abilities = useAbilities(workspace);
  return (
    <Stack gap={0} mt="md" data-testid="workspace-nav">
      <NavSectionLabel>{messages.nav.workspace}</NavSectionLabel>
      <Stack gap={6} px="sm" pb="xs">
        {me.workspaces.length > 1 ? (
          <Select
            aria-label={messages.nav.switchWorkspace}
            data={me.workspaces.map((w) => ({ value: w.slug, label: w.name }))}
            value={workspace}
            allowDeselect={false}
            onChange={(slug) => {
              if (slug) void navigate({ to: '/w/$workspace', params: { workspace: slug } });
            }}
            size="sm"
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Text fz="sm" fw={600} lh={1.3}>
            {current.name}
          </Text>
        )}
        <Group gap={6}>
          <Badge variant="light" color="gray" size="sm" tt="none" c="var(--mantine-color-text)">
            {messages.roles[current.role]}
          </Badge>
        </Group>
      </Stack>
      <NavLinkLink
        to="/w/$workspace"
        params={{ workspace }}
        label={messages.nav.dashboard}
        active={isDashboardPath(pathname, workspace)}
        leftSection={<DashboardIcon />}
      />
      <NavLinkLink
        to="/w/$workspace/clusters"
        params={{ workspace }}
        label={messages.nav.clusters}
        active={Boolean(matchRoute({ to: '/w/$workspace/clusters', params: { workspace }, fuzzy: true }))}
        leftSection={<ClustersIcon />}
      />
      <NavLinkLink
        to="/w/$workspace/members"
        params={{ workspace }}
        label={messages.nav.members}
        active={Boolean(matchRoute({ to: '/w/$workspace/members', params: { workspace }, fuzzy: true }))}
        leftSection={<MembersIcon />}
      />
      <NavLinkLink
        to="/w/$workspace/people"
        params={{ workspace }}
        label={messages.nav.people}
        active={Boolean(matchRoute({ to: '/w/$workspace/people', params: { workspace }, fuzzy: true }))}
        leftSection={<PeopleIcon />}
      />
      <NavLinkLink
        to="/w/$workspace/markets"
        params={{ workspace }}
        label={messages.nav.markets}
        active={isPlanningPath(pathname, workspace)}
        leftSection={<MarketsIcon />}
      />
      <NavLinkLink
        to="/w/$workspace/activities"
        params={{ workspace }}
        label={messages.activityList.nav}
        active={Boolean(matchRoute({ to: '/w/$workspace/activities', params: { workspace }, fuzzy: true }))}
        leftSection={<ActivitiesIcon />}
      />
      <NavLinkLink
        to="/w/$workspace/calendar"
        params={{ workspace }}
        label={messages.nav.calendar}
        active={Boolean(matchRoute({ to: '/w/$workspace/calendar', params: { workspace }, fuzzy: true }))}
        leftSection={<CalendarIcon />}
      />
      {/* B2B matchmaking events (issue 22): everyone in the workspace reads them. */}
      <NavLinkLink
        to="/w/$workspace/events"
        params={{ workspace }}
        label={messages.events.nav}
        active={Boolean(matchRoute({ to: '/w/$workspace/events', params: { workspace }, fuzzy: true }))}
        leftSection={<CalendarIcon />}
      />
      {/* Surveys and readiness (issue 23): the partnership's staff (decision 0040). */}
      {abilities.canSomewhere('survey.read') && (
        <NavLinkLink
          to="/w/$workspace/surveys"
          params={{ workspace }}
          label={messages.surveys.nav}
          active={Boolean(matchRoute({ to: '/w/$workspace/surveys', params: { workspace }, fuzzy: true }))}
          leftSection={<ReportsIcon />}
        />
      )}
      {/* The network (issue 21): the partnership's staff only (decision 0026). */}
      {/* Reports hold the budget: for the roles that see costs. */}
      {abilities.canSomewhere('report.read') && (
        <NavLinkLink
          to="/w/$workspace/reports"
          params={{ workspace }}
          label={messages.nav.reports}
          active={Boolean(matchRoute({ to: '/w/$workspace/reports', params: { workspace }, fuzzy: true }))}
          leftSection={<ReportsIcon />}
        />
      )}
      {abilities.canSomewhere('archive.export') && (
        <NavLinkLink
          to="/w/$workspace/archive"
          params={{ workspace }}
          label={messages.archive.nav}
          active={Boolean(matchRoute({ to: '/w/$workspace/archive', params: { workspace }, fuzzy: true }))}
          leftSection={<ReportsIcon />}
        />
      )}
      {abilities.canSomewhere('invitation.read') && (
        <NavLinkLink
          to="/w/$workspace/users"
          params={{ workspace }}
          label={messages.nav.users}
          active={Boolean(matchRoute({ to: '/w/$workspace/users', params: { workspace }, fuzzy: true }))}
          leftSection={<UsersIcon />}
        />
      )}
      {abilities.canSomewhere('audit.read') && (
        <NavLinkLink
          to="/w/$workspace/audit"
          params={{ workspace }}
          label={messages.nav.audit}
          active={Boolean(matchRoute({ to: '/w/$workspace/audit', params: { workspace }, fuzzy: true }))}
          leftSection={<AuditIcon />}
        />
      )}
      <NavLinkLink
        to="/w/$workspace/settings"
        params={{ workspace }}
        label={messages.settings.nav}
        active={Boolean(matchRoute({ to: '/w/$workspace/settings', params: { workspace }, fuzzy: true }))}
        leftSection={<AuditIcon />}
      />
      {/* The network (issue 21): the partnership's staff read it; members and mentors do not. */}
      {abilities.canSomewhere('network.read') && (
        <>
          <NavSectionLabel>{messages.network.nav.section}</NavSectionLabel>
          <NavLinkLink
            to="/w/$workspace/network/organisations"
            params={{ workspace }}
            label={messages.network.nav.organisations}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/organisations', params: { workspace }, fuzzy: true }),
            )}
            leftSection={<MembersIcon />}
          />
          <NavLinkLink
            to="/w/$workspace/network/people"
            params={{ workspace }}
            label={messages.network.nav.people}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/people', params: { workspace }, fuzzy: true }),
            )}
            leftSection={<PeopleIcon />}
          />
          <NavLinkLink
            to="/w/$workspace/network/interactions"
            params={{ workspace }}
            label={messages.interactions.nav}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/interactions', params: { workspace }, fuzzy: true }),
            )}
            leftSection={<InteractionsIcon />}
          />
          <NavLinkLink
            to="/w/$workspace/network/pipeline"
            params={{ workspace }}
            label={messages.pipeline.nav}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/pipeline', params: { workspace }, fuzzy: true }) ||
                pathname.startsWith(`/w/${encodeURIComponent(workspace)}/network/relationships/`),
            )}
            leftSection={<PipelineIcon />}
          />
          <NavLinkLink
            to="/w/$workspace/network/projects"
            params={{ workspace }}
            label={messages.projects.nav}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/projects', params: { workspace }, fuzzy: true }),
            )}
            leftSection={<ProjectsIcon />}
          />
          <NavLinkLink
            to="/w/$workspace/network/health"
            params={{ workspace }}
            label={messages.networkHealth.nav}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/health', params: { workspace }, fuzzy: true }),
            )}
            leftSection={<ActivitiesIcon />}
          />
          <NavLinkLink
            to="/w/$workspace/network/data"
            params={{ workspace }}
            label={messages.networkData.nav}
            active={Boolean(
              matchRoute({ to: '/w/$workspace/network/data', params: { workspace } }) ||
                matchRoute({ to: '/w/$workspace/network/import', params: { workspace } }),
            )}
            leftSection={<UsersIcon />}
          />
        </>
      )}
    </Stack>
  );
}

function InteractionsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <path d="M4 5h11v8H8l-4 3z" />
      <path d="M15 9h5v8l-3-2h-6v-2" />
    </svg>
  );
}

/** The dashboard and the KPI records it opens (`/w/demo`, `/w/demo/`, `/w/demo/kpis/records`). */
function isDashboardPath(pathname: string, workspace: string): boolean {
  const home = `/w/${encodeURIComponent(workspace)}`;
  return pathname === home || pathname === `${home}/` || pathname.startsWith(`${home}/kpis/`);
}

/** The markets and what is planned in them: their plans and activities (`/w/demo/plans/…`). */
function isPlanningPath(pathname: string, workspace: string): boolean {
  const home = `/w/${encodeURIComponent(workspace)}`;
  // Activities have their own list and navigation item: an activity's page is under it.
  return ['markets', 'plans'].some(
    (page) => pathname === `${home}/${page}` || pathname.startsWith(`${home}/${page}/`),
  );
}

function DashboardIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <rect x="3.5" y="3.5" width="7" height="9" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
      <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
      <rect x="3.5" y="15.5" width="7" height="5" rx="1.5" />
    </svg>
  );
}

function ProjectsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <rect x="3.5" y="6.5" width="17" height="13" rx="1.5" />
      <path d="M9 6.5V4.5h6v2M3.5 12h17" />
    </svg>
  );
}

function PipelineIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <rect x="3.5" y="4" width="4.5" height="16" rx="1" />
      <rect x="10" y="4" width="4.5" height="11" rx="1" />
      <rect x="16.5" y="4" width="4" height="7" rx="1" />
    </svg>
  );
}

function ClustersIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <circle cx="12" cy="6" r="2.5" />
      <circle cx="5.5" cy="17" r="2.5" />
      <circle cx="18.5" cy="17" r="2.5" />
      <path d="M10.8 8.2l-4 6.5M13.2 8.2l4 6.5M8 17h8" />
    </svg>
  );
}

function MembersIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <path d="M4 20V9l5-3v14M9 20V4l7 3v13M16 20v-9l4 2v7M3 20h18" />
    </svg>
  );
}

function PeopleIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <circle cx="9" cy="8" r="3.2" />
      <path d="M3 20c.6-3.4 3-5.5 6-5.5s5.4 2.1 6 5.5" />
      <circle cx="17" cy="9" r="2.4" />
      <path d="M16.5 14.6c2.3.2 4 1.9 4.5 4.4" />
    </svg>
  );
}

function MarketsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.4 2.3 3.6 5.1 3.6 8.5s-1.2 6.2-3.6 8.5c-2.4-2.3-3.6-5.1-3.6-8.5s1.2-6.2 3.6-8.5z" />
    </svg>
  );
}

function ActivitiesIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2" />
    </svg>
  );
}

function CalendarIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <rect x="3.5" y="5" width="17" height="15" rx="2" />
      <path d="M3.5 10h17M8 3v4M16 3v4M8 14h2M14 14h2M8 17h2" />
    </svg>
  );
}

function ReportsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M9 17v-3M12.5 17v-6M16 17v-4" />
    </svg>
  );
}

function UsersIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
    </svg>
  );
}

function AuditIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...iconStroke}>
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M9 11h7M9 15h7M9 7h4" />
    </svg>
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
