import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';

/** `/survey#token`: a respondent's personal survey link (no workspace, no sign-in). */
export const surveyAnswerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'survey',
  component: lazyRouteComponent(() => import('./answer-page.tsx'), 'AnswerPage'),
});

export const surveyAnswerRoutes = [surveyAnswerRoute] as const;
