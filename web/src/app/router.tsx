import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { accountRoutes } from '../routes/account/routes.ts';
import { archiveRoutes } from '../routes/archive/routes.ts';
import { catalogueRoutes, customInstrumentRoutes } from '../routes/catalogue/routes.ts';
import { dashboardRoutes } from '../routes/dashboard/routes.ts';
import { eventDayRoutes } from '../routes/events/routes-day.ts';
import { eventRegistrationRoutes } from '../routes/events/routes-registration.ts';
import { eventSetupRoutes } from '../routes/events/routes-setup.ts';
import { importRoutes } from '../routes/imports/routes.ts';
import { interactionRoutes } from '../routes/interactions/routes.ts';
import { networkRegistryRoutes } from '../routes/network/routes.ts';
import { networkDataRoutes } from '../routes/network-data/routes.ts';
import { networkHealthRoutes } from '../routes/network-health/routes.ts';
import { pipelineRoutes } from '../routes/pipeline/routes.ts';
import { planningRoutes } from '../routes/planning/routes.ts';
import { projectRoutes } from '../routes/projects/routes.ts';
import { registryRoutes } from '../routes/registry/routes.ts';
import { reportRoutes } from '../routes/reports/routes.ts';
import { sessionRoutes } from '../routes/session/routes.ts';
import { surveyRoutes } from '../routes/surveys/routes.ts';
import { surveyAnswerRoutes } from '../routes/surveys/routes-answer.ts';
import { usersRoutes } from '../routes/users/routes.ts';
import { workspaceChildRoutes } from '../routes/workspace/routes.ts';
import { workspacesChildRoutes, workspacesRootRoutes } from '../routes/workspaces/routes.ts';
import { rootRoute } from './root-route.tsx';
import { workspaceRoute } from './workspace-route.ts';

/** `/` has no page of its own yet: the catalogue is the home. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/catalogue', replace: true });
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  ...catalogueRoutes,
  ...sessionRoutes,
  ...eventRegistrationRoutes,
  ...surveyAnswerRoutes,
  ...workspacesRootRoutes,
  workspaceRoute.addChildren([
    ...workspaceChildRoutes,
    ...registryRoutes,
    ...importRoutes,
    ...networkDataRoutes,
    ...usersRoutes,
    ...planningRoutes,
    ...dashboardRoutes,
    ...reportRoutes,
    ...archiveRoutes,
    ...interactionRoutes,
    ...workspacesChildRoutes,
    ...customInstrumentRoutes,
    ...networkRegistryRoutes,
    ...networkHealthRoutes,
    ...projectRoutes,
    ...eventDayRoutes,
    ...pipelineRoutes,
    ...eventSetupRoutes,
    ...surveyRoutes,
  ]),
  ...accountRoutes,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Preloading only warms the query cache; TanStack Query decides what is fresh.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
