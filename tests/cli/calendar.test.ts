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
      round: {
        start: '2027-08-01',
        followUp: { from: '2027-08-01', to: '2027-10-31' },
        analysis: { from: '2027-11-01', to: '2027-11-30' },
        windowAsOf: '2027-08-15',
      },
    });
  });

  it('in June shows the autumn round and its Feb–Jul window, and when prep can make it', () => {
    const result = runCli(['calendar', '--as-of', '2027-06-10']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Omgång:            2027-höst');
    expect(result.stdout).toContain('Dataperiod:        2027-02-01 – 2027-07-31 (räknat från 2027-08-01)');
    expect(result.stdout).toContain('Föregående period: 2026-08-01 – 2027-01-31');
    expect(result.stdout).toContain('förbereds med rehab prep från 2027-08-01');
    expect(result.stdout).not.toContain('2026-12-01');
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
