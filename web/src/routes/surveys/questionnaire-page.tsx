/** A questionnaire's builder and preview (issue 23, to be built on the surveys branch). */
export function QuestionnairePage() {
  return null;
}
