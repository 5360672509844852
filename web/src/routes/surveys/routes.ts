import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route.ts';

/** `/w/$workspace/surveys`: questionnaires and waves (issue 23), for the partnership's staff. */
export const surveysRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'surveys',
  component: lazyRouteComponent(() => import('./surveys-page.tsx'), 'SurveysPage'),
});

/** `/w/$workspace/surveys/questionnaires/$questionnaireId`: a questionnaire's builder and preview. */
export const questionnaireRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'surveys/questionnaires/$questionnaireId',
  component: lazyRouteComponent(() => import('./questionnaire-page.tsx'), 'QuestionnairePage'),
});

/** `/w/$workspace/surveys/waves/$waveId`: a wave, its progress and its results. */
export const waveRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'surveys/waves/$waveId',
  component: lazyRouteComponent(() => import('./wave-page.tsx'), 'WavePage'),
});

export const surveyRoutes = [surveysRoute, questionnaireRoute, waveRoute] as const;
