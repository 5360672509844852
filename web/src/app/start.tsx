/**
 * The app itself, imported by main.tsx once the interface language is loaded (app/language.ts), so
 * every module here evaluates its messages and `Intl` formats in that language.
 */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiSession } from '../api/client.ts';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';
import { csrfTokenFrom, sessionKeys } from './session.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// The session lives in the query cache: mutations read its CSRF token there, and a 401 from any
// call (the session expired, or was ended on another device) forgets it and goes to sign-in,
// coming back to this page afterwards.
configureApiSession({
  csrfToken: () => csrfTokenFrom(queryClient),
  onUnauthenticated: () => {
    queryClient.setQueryData(sessionKeys.me, null);
    const location = router.state.location;
    if (location.pathname === '/sign-in') return;
    void router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

export function startApp(): void {
  createRoot(container as HTMLElement).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
