/** The workspace's waves (issue 23, to be built on the waves branch). */
export function WavesTab(_props: { workspace: string }) {
  return null;
}
