/** A wave's results by question, with charts and exports (issue 23, readiness branch). */
export function WaveResults(_props: { workspace: string; waveId: string }) {
  return null;
}
