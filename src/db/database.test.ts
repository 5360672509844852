import { describe, expect, it } from 'vitest';
import { isPostgresUrl } from './database.ts';

describe('isPostgresUrl', () => {
  it.each([
    ['postgres://postgres@127.0.0.1:5432/test', true],
    ['postgresql://u:p@db/hub', true],
    ['POSTGRES://host/db', true],
    ['./data/space2id.db', false],
    ['sqlite:./data/space2id.db', false],
    [':memory:', false],
  ])('%s → %s', (url, expected) => {
    expect(isPostgresUrl(url)).toBe(expected);
  });
});
