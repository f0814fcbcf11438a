import { describe, expect, it } from 'vitest';
import { defaultWindow, previousWindow, routineMoment, routineRound, trendMonths, wholeMonths } from '../../src/core/routineCalendar.js';

describe('routine calendar (SPEC §1)', () => {
  it.each([
    ['2027-01-15', 'between_periods', 'spring', 2027],
    ['2027-02-10', 'management_team_and_follow_up', 'spring', 2027],
    ['2027-03-01', 'follow_up', 'spring', 2027],
    ['2027-04-30', 'follow_up', 'spring', 2027],
    ['2027-05-31', 'analysis', 'spring', 2027],
    ['2027-06-01', 'between_periods', 'autumn', 2027],
    ['2027-08-01', 'management_team_and_follow_up', 'autumn', 2027],
    ['2027-10-31', 'follow_up', 'autumn', 2027],
    ['2027-11-15', 'analysis', 'autumn', 2027],
    ['2027-12-01', 'between_periods', 'spring', 2028],
  ])('%s → %s, %s %i', (asOf, phase, season, seasonYear) => {
    expect(routineMoment(asOf)).toEqual({ asOf, phase, season, seasonYear });
  });

  it('default window is the six full months before the as-of month', () => {
    expect(defaultWindow('2027-02-10')).toEqual({ from: '2026-08-01', to: '2027-01-31' });
    expect(defaultWindow('2027-03-01')).toEqual({ from: '2026-09-01', to: '2027-02-28' });
    expect(defaultWindow('2027-01-31', 3)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('previous window: same number of months right before, else same number of days', () => {
    expect(previousWindow({ from: '2026-08-01', to: '2027-01-31' })).toEqual({ from: '2026-02-01', to: '2026-07-31' });
    expect(previousWindow({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toBe(1);
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-28' })).toBeNull();
  });

  it('trend months are the 12 months ending with the window end', () => {
    const months = trendMonths({ from: '2026-08-01', to: '2027-01-31' });
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-02-01');
    expect(months[11]).toBe('2027-01-01');
  });

  describe('the round a date prepares', () => {
    it('in June: the autumn round, whose data window is the six months before August (Feb–Jul), not Dec–May', () => {
      const round = routineRound('2027-06-15');
      expect(round).toEqual({
        season: 'autumn', seasonYear: 2027, start: '2027-08-01',
        followUp: { from: '2027-08-01', to: '2027-10-31' },
        analysis: { from: '2027-11-01', to: '2027-11-30' },
        windowAsOf: '2027-08-01',
        window: { from: '2027-02-01', to: '2027-07-31' },
      });
    });

    it('in December and January: next spring, window Aug–Jan (the window of 1 February)', () => {
      expect(routineRound('2026-12-20')).toMatchObject({ seasonYear: 2027, start: '2027-02-01', windowAsOf: '2027-02-01', window: { from: '2026-08-01', to: '2027-01-31' } });
      expect(routineRound('2027-01-31')).toMatchObject({ seasonYear: 2027, start: '2027-02-01', window: { from: '2026-08-01', to: '2027-01-31' } });
    });

    it('from the round start on, the window is the one of the date itself (what prep uses that day)', () => {
      expect(routineRound('2027-02-01')).toMatchObject({ windowAsOf: '2027-02-01', window: { from: '2026-08-01', to: '2027-01-31' } });
      // 2027-03-10: six months before March = 2026-09-01 .. 2027-02-28.
      expect(routineRound('2027-03-10')).toMatchObject({ windowAsOf: '2027-03-10', window: { from: '2026-09-01', to: '2027-02-28' } });
      // November belongs to the autumn round: 2026-05-01 .. 2026-10-31.
      expect(routineRound('2026-11-05')).toMatchObject({ season: 'autumn', start: '2026-08-01', window: { from: '2026-05-01', to: '2026-10-31' } });
    });

    it('--months N shortens the window counted from the same date', () => {
      // 3 months before 2027-08-01: 2027-05-01 .. 2027-07-31.
      expect(routineRound('2027-07-01', 3).window).toEqual({ from: '2027-05-01', to: '2027-07-31' });
    });
  });
});
