import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { requireSignIn } from '../../app/session.ts';
import { apiTokensQuery } from './queries.ts';

/** `/account/tokens`: the signed-in user's personal API tokens. */
export const tokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'account/tokens',
  beforeLoad: async ({ context, location }) => ({ me: await requireSignIn(context.queryClient, location) }),
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(apiTokensQuery());
  },
  component: lazyRouteComponent(() => import('./tokens-page.tsx'), 'TokensPage'),
});

export const accountRoutes = [tokensRoute] as const;
