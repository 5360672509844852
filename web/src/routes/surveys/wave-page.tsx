import { getRouteApi } from '@tanstack/react-router';
import { WaveResults } from './wave-results.tsx';

const route = getRouteApi('/w/$workspace/surveys/waves/$waveId');

/** A wave: its progress (waves branch) and its results (readiness branch). */
export function WavePage() {
  const { workspace, waveId } = route.useParams();
  return <WaveResults workspace={workspace} waveId={waveId} />;
}
