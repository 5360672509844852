/** A respondent's survey, opened by its personal link (issue 23, waves branch). */
export function AnswerPage() {
  return null;
}
