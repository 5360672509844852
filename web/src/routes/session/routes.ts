import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
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

/** The single-use token of a mail's link, when the address carries one. */
function tokenSearch(search: Record<string, unknown>): { token?: string } {
  return typeof search.token === 'string' && search.token.length > 0 && search.token.length <= 200
    ? { token: search.token }
    : {};
}

/** `/accept-invitation?token=…`: the link of an invitation mail (no session needed). */
export const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'accept-invitation',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./accept-invitation-page.tsx'), 'AcceptInvitationPage'),
});

/** `/forgot-password`: ask for a reset link. */
export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'forgot-password',
  component: lazyRouteComponent(() => import('./forgot-password-page.tsx'), 'ForgotPasswordPage'),
});

/** `/reset-password?token=…`: the link of a reset mail. */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reset-password',
  validateSearch: tokenSearch,
  component: lazyRouteComponent(() => import('./reset-password-page.tsx'), 'ResetPasswordPage'),
});

export const sessionRoutes = [
  signInRoute,
  acceptInvitationRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
] as const;
