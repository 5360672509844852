/** A member's readiness profile on its page (issue 23, readiness branch). */
export function MemberReadiness(_props: { workspace: string; organisationId: string }) {
  return null;
}
