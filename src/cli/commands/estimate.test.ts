import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { EstimateCommandError, registerEstimateCommand, runEstimate } from './estimate.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/space2id.mjs');

/** Runs `space2id estimate …` in this process and returns what it printed. */
async function estimate(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerEstimateCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'space2id', 'estimate', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('space2id estimate --json', () => {
  it('prints lines with category, description, formula and amount in EUR, then effortDays and totalEur', async () => {
    const r = JSON.parse(await estimate('1.1.1', '--units', '2', '--json'));
    expect(Object.keys(r).slice(0, 3)).toEqual(['lines', 'effortDays', 'totalEur']);
    expect(r.lines).toEqual([
      {
        category: 'staff',
        description: 'Cluster staff: 4 days per training package × 2 training packages',
        formula: '8 days × 450 EUR = 3,600 EUR',
        amount: 3600,
      },
    ]);
    expect(r.effortDays).toBe(8);
    expect(r.totalEur).toBe(3600);
    expect(r.assumptions).toEqual({
      dayRateEur: 450,
      dayRateIsDefault: true,
      origin: 'BE',
      originIsDefault: true,
      travelRate: null,
    });
  });

  it('costs a matchmaking event for 5 entities at 7,500 EUR', async () => {
    const r = JSON.parse(await estimate('matchmaking-events', '--entities', '5', '--json'));
    expect(r.lines).toEqual([
      {
        category: 'participation_fee',
        description: 'Participation of 5 entities (travel included; order of magnitude)',
        formula: '5 entities × 1,500 EUR = 7,500 EUR',
        amount: 7500,
      },
    ]);
    expect(r.totalEur).toBe(7500);
    expect(r.effortDays).toBe(0);
  });

  it('costs a study visit with the default travel rate from Belgium and says so', async () => {
    const r = JSON.parse(
      await estimate(
        'study-visits',
        '--units',
        '1',
        '--travellers',
        '3',
        '--nights',
        '4',
        '--destination',
        'jp',
        '--json',
      ),
    );
    // Brussels–Tokyo is over 8,000 km: 1,500 EUR travel; Japan is at the high-cost level (180 / 80 EUR).
    expect(r.lines.map((l: { amount: number }) => l.amount)).toEqual([3600, 4500, 2160, 1200]);
    expect(r.totalEur).toBe(11_460);
    expect(r.assumptions.travelRate).toMatchObject({
      country: 'JP',
      travelEur: 1500,
      accommodationPerNightEur: 180,
      subsistencePerDayEur: 80,
      isDefault: true,
    });
    expect(r.assumptions.travelRate.basis).toContain('Erasmus+ Programme Guide 2021');
  });

  it('rounds a day rate in EUR to cents half up, once', async () => {
    const r = JSON.parse(
      await estimate(
        'study-visits',
        '--units',
        '1',
        '--travellers',
        '2',
        '--nights',
        '0',
        '--destination',
        'FR',
        '--origin',
        'de',
        '--day-rate',
        '500.555',
        '--json',
      ),
    );
    expect(r.lines[0]).toMatchObject({ formula: '8 days × 500.56 EUR = 4,004.48 EUR', amount: 4004.48 });
    expect(r.assumptions).toMatchObject({
      dayRateEur: 500.56,
      dayRateIsDefault: false,
      origin: 'DE',
      originIsDefault: false,
    });
  });
});

describe('space2id estimate (text)', () => {
  it('prints the lines, the total and the assumptions it made', async () => {
    const out = await estimate('newsletter', '--issues', '12');
    expect(out).toContain('1.1.4 Newsletter');
    expect(out).toContain('48 days × 450 EUR = 21,600 EUR');
    expect(out).toContain('Total: 21,600 EUR, 48 effort days');
    expect(out).toContain('day rate 450 EUR (default; change with --day-rate)');
    expect(out).toContain('origin BE (default; change with --origin)');
  });

  it('prints notes for an instrument without figures', async () => {
    const out = await estimate('1.3.3');
    expect(out).toContain('(no costed lines)');
    expect(out).toContain(
      'The cost depends on the targeted country and the skills of the ambassador (D4.2).',
    );
  });
});

describe('space2id estimate with bad input', () => {
  it('names each missing or invalid parameter by its option', () => {
    const message = (() => {
      try {
        runEstimate('study-visits', { units: 1, nights: 2.5 });
      } catch (error) {
        expect(error).toBeInstanceOf(EstimateCommandError);
        return (error as Error).message;
      }
      return 'no error';
    })();
    const lines = message.split('\n');
    expect(lines[0]).toBe('cannot estimate 1.1.3 Study Visits:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      '--nights',
      '--travellers',
      '--destination',
    ]);
  });

  it('exits 1 and names the missing parameters on stderr', async () => {
    const failure = await run(process.execPath, [BIN, 'estimate', 'matchmaking-events', '--json']).catch(
      (e) => e,
    );
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr).toContain('cannot estimate 1.2.1 Matchmaking Events (B2B/C2C/B2I):');
    expect(failure.stderr).toContain(
      '--entities: The budget of Matchmaking Events (B2B/C2C/B2I) counts 1,500 EUR per participating entity: give the number of participating entities',
    );
  }, 30_000);

  it('exits 1 for an unknown instrument, naming it and listing the valid codes', async () => {
    const failure = await run(process.execPath, [BIN, 'estimate', 'space-tourism']).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('unknown instrument "space-tourism"');
    for (const code of ['1.1.1', '1.2.1', '1.3.6']) expect(failure.stderr).toContain(code);
  }, 30_000);

  it('names a destination it does not know', () => {
    expect(() => runEstimate('1.1.3', { units: 1, travellers: 2, nights: 1, destination: 'XX' })).toThrow(
      '--destination: "XX" is not an ISO 3166-1 alpha-2 country code',
    );
    expect(() =>
      runEstimate('1.1.3', { units: 1, travellers: 2, nights: 1, destination: 'JP', origin: 'Belgium' }),
    ).toThrow('--origin: "BELGIUM" is not an ISO 3166-1 alpha-2 country code');
  });
});
