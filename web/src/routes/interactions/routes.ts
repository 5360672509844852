import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { parseInteractionsSearch, parseQuickEntrySearch } from './search-params.ts';

/** `/w/$workspace/network/interactions?kind=&from=&to=&mine=true`: every interaction, filtered. */
export const interactionsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/interactions',
  validateSearch: parseInteractionsSearch,
  component: lazyRouteComponent(() => import('./interactions-page.tsx'), 'InteractionsPage'),
});

/** `/w/$workspace/network/interactions/new?activity=…`: the quick entry (a phone at a fair's stand). */
export const quickEntryRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'network/interactions/new',
  validateSearch: parseQuickEntrySearch,
  component: lazyRouteComponent(() => import('./quick-entry-page.tsx'), 'QuickEntryPage'),
});

export const interactionRoutes = [interactionsRoute, quickEntryRoute] as const;
