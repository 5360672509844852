/** The workspace's questionnaires (issue 23, to be built on the surveys branch). */
export function QuestionnairesTab(_props: { workspace: string }) {
  return null;
}
