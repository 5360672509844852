import { createHash } from 'node:crypto';
import {
  FINGERPRINT_PART_LABELS,
  FINGERPRINT_PARTS,
  fingerprintChanges,
  fingerprintParts,
  type ScheduleInput,
} from '../../domain/matchmaking/schedule-problem.ts';

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The fingerprint of what a run is given: one SHA-256 per part of `fingerprintParts`, as
 * `part:hex` joined by `;`, so a mismatch can say which part changed (decision 0037).
 */
export function scheduleFingerprint(input: ScheduleInput): string {
  const parts = fingerprintParts(input);
  return FINGERPRINT_PARTS.map((p) => `${p}:${sha256(parts[p])}`).join(';');
}

/** Words for the parts of the fingerprint that changed ("the accepted requests", "the tables"). */
export function staleParts(before: string, after: string): string[] {
  return fingerprintChanges(before, after).map((p) => FINGERPRINT_PART_LABELS[p]);
}
