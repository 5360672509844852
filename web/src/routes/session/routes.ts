import { createRoute, redirect } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { homePathOf, meQuery, safeReturnPath } from '../../app/session.ts';
import { SignInPage } from './sign-in-page.tsx';

export interface SignInSearch {
  /** Where to go after signing in (a path on this site). */
  redirect?: string;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => {
    const back = safeReturnPath(search.redirect);
    return back ? { redirect: back } : {};
  },
  // Someone already signed in has nothing to do here: send them on.
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery()).catch(() => null);
    if (me) throw redirect({ href: search.redirect ?? homePathOf(me), replace: true });
  },
  component: SignInPage,
});

export const sessionRoutes = [signInRoute] as const;
