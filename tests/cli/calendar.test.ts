import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

describe('rehab calendar', () => {
  it('prints the phase, season and windows as JSON', () => {
    const result = runCli(['calendar', '--as-of', '2027-08-15', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      asOf: '2027-08-15',
      phase: 'management_team_and_follow_up',
      phaseLabel: 'Genomgång i ledningsgrupp och rehabiliteringsuppföljningar',
      season: 'höst',
      period: '2027-höst',
      window: { from: '2027-02-01', to: '2027-07-31' },
      previousWindow: { from: '2026-08-01', to: '2027-01-31' },
    });
  });

  it('rejects a bad date with a Swedish message and exit 2', () => {
    const result = runCli(['calendar', '--as-of', '2027-02-30']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--as-of: ogiltigt datum (2027-02-30)');
    expect(result.stdout).toBe('');
  });

  it('rejects an unknown flag in Swedish', () => {
    const result = runCli(['calendar', '--nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('okänd flagga --nope');
  });
});
