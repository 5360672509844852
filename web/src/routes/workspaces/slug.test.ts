import { describe, expect, it } from 'vitest';
import { suggestSlug as serverSuggestion, slugProblem } from '../../../../src/domain/workspaces/rules.ts';
import { suggestSlug } from './slug.ts';

describe('suggestSlug (web)', () => {
  it('suggests what the server accepts and would suggest itself', () => {
    for (const name of [
      'Orbit Alliance – Région Sud',
      'Ελληνικό Cluster Space',
      'A very long consortium name that goes on and on',
    ]) {
      expect(suggestSlug(name)).toBe(serverSuggestion(name));
      expect(slugProblem(suggestSlug(name))).toBeNull();
    }
  });
});
