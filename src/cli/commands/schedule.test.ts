import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { checkSchedule } from '../../domain/scheduler/checker.ts';
import { parseScheduleJson } from '../../domain/scheduler/json.ts';
import { registerScheduleCommand } from './schedule.ts';

const EVENT = {
  slots: 3,
  tables: 1,
  participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  meetings: [{ participants: ['a', 'b'] }, { participants: ['a', 'c'] }, { participants: ['b', 'c'] }],
};

describe('space2id schedule', () => {
  it('prints the JSON result for a JSON event file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'b2b-'));
    const file = join(dir, 'event.json');
    writeFileSync(file, JSON.stringify(EVENT));
    const program = new Command().exitOverride();
    registerScheduleCommand(program);
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await program.parseAsync([
        'node',
        'space2id',
        'schedule',
        file,
        '--fairness',
        '2',
        '--time-limit',
        '10',
        '--json',
      ]);
    } finally {
      spy.mockRestore();
    }
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual([
      'status',
      'breaks',
      'lowerBound',
      'maxBreakSpread',
      'seconds',
      'assignments',
    ]);
    expect(r.status).toBe('optimal');
    expect(r.breaks).toBe(1);
    expect(r.lowerBound).toBe(1);
    expect(checkSchedule(parseScheduleJson(EVENT), r).errors).toEqual([]);
  }, 30_000);
});
