import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { instrumentListQuery } from '../../queries/instruments.ts';
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
