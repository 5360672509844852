import { useParams } from '@tanstack/react-router';
import { RegistrationPage } from './registration-page.tsx';

/** The `/register/$slug` route's component: the page for the slug in the address. */
export function RegistrationRoutePage() {
  const { slug } = useParams({ from: '/register/$slug' });
  return <RegistrationPage slug={slug} />;
}
