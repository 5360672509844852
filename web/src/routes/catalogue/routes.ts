import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { workspaceRoute } from '../../app/workspace-route.ts';
import { instrumentListQuery, workspaceInstrumentQuery } from '../../queries/instruments.ts';
import { CataloguePage } from './catalogue-page.tsx';
import { InstrumentPage } from './instrument-page.tsx';
import { instrumentQuery } from './queries.ts';

export interface CatalogueSearch {
  /** The filter text, so a filtered catalogue can be bookmarked and shared. */
  q?: string;
}

export const catalogueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'catalogue',
  validateSearch: (search: Record<string, unknown>): CatalogueSearch =>
    typeof search.q === 'string' && search.q.trim() !== '' ? { q: search.q } : {},
  // Start the request as soon as navigation (or hover preloading) begins; the page shows its own
  // skeleton rather than blocking the navigation on it.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(instrumentListQuery());
  },
  component: CataloguePage,
});

export const instrumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'catalogue/$key',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(instrumentQuery(params.key, context.queryClient));
  },
  component: InstrumentPage,
});

export const catalogueRoutes = [catalogueRoute, instrumentRoute] as const;

/** `/w/$workspace/instruments/$key`: adapt one of the workspace's own instruments (decision 0022). */
export const customInstrumentRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'instruments/$key',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(workspaceInstrumentQuery(params.workspace, params.key));
  },
  component: lazyRouteComponent(() => import('./custom-instrument-page.tsx'), 'CustomInstrumentPage'),
});

export const customInstrumentRoutes = [customInstrumentRoute] as const;
