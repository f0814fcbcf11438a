// Fair comparison (SPEC §3 "Fair comparison"): funnel limits around the administration's rate, so a small unit is
// not flagged for what chance alone does to a small denominator (Spiegelhalter 2005, "Funnel plots for comparing
// institutional performance"; the additive random-effects adjustment for overdispersion as in NHS-R FunnelPlotR).
// On the arcsine scale asin(√p) the variance of a proportion is about 1 / (4n) whatever p is.

export interface FunnelLimits {
  lower95Pct: number;
  upper95Pct: number;
  lower998Pct: number;
  upper998Pct: number;
}

/** `high`/`low`: outside the 99.8 % limits; `watch_high`/`watch_low`: outside the 95 % limits only. */
export type FunnelSignal = 'high' | 'low' | 'watch_high' | 'watch_low';

export interface FunnelUnit {
  exposureDays: number;
  sickDays: number;
}

export interface FunnelUnitResult {
  funnel: FunnelLimits;
  signal: FunnelSignal | null;
}

export interface FunnelAnalysis {
  /** Units compared (exposure > 0). */
  units: number;
  /** Dispersion ratio of the winsorised z-scores (NaN when no unit is compared). */
  phi: number;
  /** Between-unit variance on the arcsine scale added to every unit's own (0 without overdispersion or with < 3 units). */
  tau2: number;
  /** One per input unit, in order; null where its exposure is 0. */
  results: (FunnelUnitResult | null)[];
}

/** Two-sided normal quantiles for 95 % and 99.8 %. */
export const Z_95 = 1.959964;
export const Z_998 = 3.090232;
const WINSOR_LOW = 0.1;
const WINSOR_HIGH = 0.9;

/** Quantile with linear interpolation between order statistics (R's type 7, the default of quantile()). */
export function quantileType7(values: readonly number[], probability: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** sin²(angle) in percent, the angle clamped to [0, π/2] first (sin² would fold a negative angle back above zero). */
function limitPct(angle: number): number {
  const clamped = Math.min(Math.PI / 2, Math.max(0, angle));
  return Math.sin(clamped) ** 2 * 100;
}

function signalOf(ratePct: number, funnel: FunnelLimits): FunnelSignal | null {
  if (ratePct > funnel.upper998Pct) return 'high';
  if (ratePct < funnel.lower998Pct) return 'low';
  if (ratePct > funnel.upper95Pct) return 'watch_high';
  if (ratePct < funnel.lower95Pct) return 'watch_low';
  return null;
}

/**
 * Funnel limits for one set of units compared with each other (the enheter, or the verksamheter).
 * administrationRate is the förvaltning's sick days / exposure days (a fraction, not percent); windowDays the
 * number of calendar days in the window, so exposure / windowDays is the unit's size in full-time equivalents.
 */
export function funnelLimits(units: readonly FunnelUnit[], administrationRate: number, windowDays: number): FunnelAnalysis {
  const theta0 = Math.asin(Math.sqrt(Math.min(1, Math.max(0, administrationRate))));
  const compared = units
    .map((unit, index) => ({ unit, index }))
    .filter(({ unit }) => unit.exposureDays > 0)
    .map(({ unit, index }) => {
      const fullTimeEquivalents = unit.exposureDays / windowDays;
      const rate = Math.min(1, Math.max(0, unit.sickDays / unit.exposureDays));
      const standardError = 1 / (2 * Math.sqrt(fullTimeEquivalents));
      return { index, rate, standardError, z: (Math.asin(Math.sqrt(rate)) - theta0) / standardError };
    });
  const count = compared.length;
  let phi = Number.NaN;
  let tau2 = 0;
  if (count > 0) {
    // Overdispersion: the days of one spell come together, so units differ more than a binomial would.
    const zs = compared.map((entry) => entry.z);
    const low = quantileType7(zs, WINSOR_LOW);
    const high = quantileType7(zs, WINSOR_HIGH);
    phi = zs.reduce((sum, z) => sum + Math.min(high, Math.max(low, z)) ** 2, 0) / count;
    if (count >= 3 && count * phi > count - 1) {
      const weights = compared.map((entry) => 1 / entry.standardError ** 2);
      const sumWeights = weights.reduce((sum, weight) => sum + weight, 0);
      const sumSquaredWeights = weights.reduce((sum, weight) => sum + weight ** 2, 0);
      tau2 = (count * phi - (count - 1)) / (sumWeights - sumSquaredWeights / sumWeights);
    }
  }
  const results: (FunnelUnitResult | null)[] = units.map(() => null);
  for (const { index, rate, standardError } of compared) {
    const spread = Math.sqrt(standardError ** 2 + tau2);
    const funnel: FunnelLimits = {
      lower95Pct: limitPct(theta0 - Z_95 * spread),
      upper95Pct: limitPct(theta0 + Z_95 * spread),
      lower998Pct: limitPct(theta0 - Z_998 * spread),
      upper998Pct: limitPct(theta0 + Z_998 * spread),
    };
    results[index] = { funnel, signal: signalOf(rate * 100, funnel) };
  }
  return { units: count, phi, tau2, results };
}
