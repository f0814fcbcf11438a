// SPEC §3 "Fair comparison": funnel limits by hand. Window of 100 days throughout, so n = exposure / 100 FTE,
// and p₀ = 0.25, so θ₀ = asin(√0.25) = asin(0.5) = π/6 = 0.5235988. Rates with round roots:
// asin(√0.36) = asin(0.6) = 0.6435011, asin(√0.16) = asin(0.4) = 0.4115168.
import { describe, expect, it } from 'vitest';
import { funnelLimits, quantileType7 } from '../../src/core/funnelLimits.js';

const THETA0 = Math.PI / 6;

describe('quantileType7 (R quantile type 7)', () => {
  it('interpolates linearly between order statistics', () => {
    // [1, 2, 3, 4]: position (4 − 1) × 0.1 = 0.3 → 1 + 0.3 × (2 − 1) = 1.3; (4 − 1) × 0.9 = 2.7 → 3 + 0.7 × 1 = 3.7.
    expect(quantileType7([4, 1, 3, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileType7([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    // Ends and a single value.
    expect(quantileType7([4, 1, 3, 2], 0)).toBe(1);
    expect(quantileType7([4, 1, 3, 2], 1)).toBe(4);
    expect(quantileType7([5], 0.9)).toBe(5);
    // [−1, 0, 10]: 10 % → position 0.2 → −1 + 0.2 × 1 = −0.8; 90 % → position 1.8 → 0 + 0.8 × 10 = 8.
    expect(quantileType7([10, -1, 0], 0.1)).toBeCloseTo(-0.8, 12);
    expect(quantileType7([10, -1, 0], 0.9)).toBeCloseTo(8, 12);
  });
});

describe('funnelLimits', () => {
  it('τ² = 0 when the units differ no more than chance; limits clamped at 0 % and 100 %', () => {
    // A: exposure 10 000 → n = 100, s = 1/(2·10) = 0.05, p = 2500/10 000 = 0.25 → z = 0.
    // B: exposure 400 → n = 4, s = 1/(2·2) = 0.25, p = 144/400 = 0.36 → z = (0.6435011 − 0.5235988)/0.25 = 0.4796093.
    // C: exposure 100 → n = 1, s = 0.5, p = 16/100 = 0.16 → z = (0.4115168 − 0.5235988)/0.5 = −0.2241639.
    // Sorted z [−0.2241639, 0, 0.4796093]; 10 % at position 0.2 → −0.2241639 × 0.8 = −0.1793311; 90 % at 1.8 → 0.8 × 0.4796093 = 0.3836875.
    // Winsorised [−0.1793311, 0, 0.3836875]: φ = (0.0321596 + 0 + 0.1472160)/3 = 0.0597919; I·φ = 0.179 ≤ I − 1 = 2 → τ² = 0.
    const analysis = funnelLimits([{ exposureDays: 10_000, sickDays: 2_500 }, { exposureDays: 400, sickDays: 144 }, { exposureDays: 100, sickDays: 16 }], 0.25, 100);
    expect(analysis.units).toBe(3);
    expect(analysis.phi).toBeCloseTo(0.0597919, 6);
    expect(analysis.tau2).toBe(0);
    const [a, b, c] = analysis.results;
    // A: angles π/6 ± 1.959964 × 0.05 = 0.4256006 / 0.6215970 → sin² 17.045987 % / 33.911308 %;
    //    π/6 ± 3.090232 × 0.05 = 0.3690872 / 0.6781104 → 13.015083 % / 39.353362 %.
    expect(a!.funnel.lower95Pct).toBeCloseTo(17.045987, 5);
    expect(a!.funnel.upper95Pct).toBeCloseTo(33.911308, 5);
    expect(a!.funnel.lower998Pct).toBeCloseTo(13.015083, 5);
    expect(a!.funnel.upper998Pct).toBeCloseTo(39.353362, 5);
    expect(a!.signal).toBeNull();
    // B: π/6 − 1.959964 × 0.25 = 0.0336078 → 0.112906 %; π/6 + 0.489991 = 1.0135898 → 72.035219 %;
    //    π/6 − 3.090232 × 0.25 = −0.2489592 → clamped to 0 → 0 % (unclamped sin² would give 6.1 %); upper 1.2961568 → 92.645055 %.
    expect(b!.funnel.lower95Pct).toBeCloseTo(0.112906, 5);
    expect(b!.funnel.upper95Pct).toBeCloseTo(72.035219, 5);
    expect(b!.funnel.lower998Pct).toBe(0);
    expect(b!.funnel.upper998Pct).toBeCloseTo(92.645055, 5);
    expect(b!.signal).toBeNull();
    // C: π/6 − 1.959964 × 0.5 = −0.4563832 → 0 %; π/6 + 0.979982 = 1.5035808 → 99.548887 %;
    //    π/6 + 3.090232 × 0.5 = 2.0687148 > π/2 → clamped to π/2 → 100 % (unclamped sin² would fold back to 77 %).
    expect(c!.funnel.lower95Pct).toBe(0);
    expect(c!.funnel.upper95Pct).toBeCloseTo(99.548887, 5);
    expect(c!.funnel.lower998Pct).toBe(0);
    expect(c!.funnel.upper998Pct).toBe(100);
  });

  it('τ² > 0 with overdispersion widens every unit’s limits', () => {
    // Five units of n = 100 (s = 0.05, w = 1/s² = 400), rates 0.16, 0.25, 0.36, 0.25, 0.36:
    // z = (0.4115168 − 0.5235988)/0.05 = −2.2416386, 0, (0.6435011 − 0.5235988)/0.05 = 2.3980467, 0, 2.3980467.
    // Sorted [−2.2416386, 0, 0, 2.3980467, 2.3980467]: 10 % at position 0.4 → −2.2416386 × 0.6 = −1.3449832; 90 % at 3.6 → 2.3980467.
    // Winsorised: [−1.3449832, 0, 2.3980467, 0, 2.3980467]; Σz² = 1.8089797 + 2 × 5.7506278 = 13.3102353; φ = 2.6620471.
    // I·φ = 13.3102353 > I − 1 = 4 → τ² = (13.3102353 − 4) / (2000 − 5 × 400² / 2000) = 9.3102353 / 1600 = 0.0058189.
    // Spread √(0.05² + 0.0058189) = √0.0083189 = 0.0912080.
    const units = [1_600, 2_500, 3_600, 2_500, 3_600].map((sickDays) => ({ exposureDays: 10_000, sickDays }));
    const analysis = funnelLimits(units, 0.25, 100);
    expect(analysis.phi).toBeCloseTo(2.6620471, 6);
    expect(analysis.tau2).toBeCloseTo(0.0058189, 7);
    const funnel = analysis.results[2]!.funnel;
    // π/6 ± 1.959964 × 0.0912080 = 0.3448344 / 0.7023631 → 11.427160 % / 41.734613 %;
    // π/6 ± 3.090232 × 0.0912080 = 0.2417449 / 0.8054526 → 5.731101 % / 52.004908 %.
    expect(funnel.lower95Pct).toBeCloseTo(11.42716, 5);
    expect(funnel.upper95Pct).toBeCloseTo(41.734613, 5);
    expect(funnel.lower998Pct).toBeCloseTo(5.731101, 5);
    expect(funnel.upper998Pct).toBeCloseTo(52.004908, 5);
    // 16 % and 36 % lie inside once the extra spread is allowed for: no signal.
    expect(analysis.results.map((result) => result!.signal)).toEqual([null, null, null, null, null]);
  });

  it('fewer than three units: no overdispersion adjustment, so the same two units are watched', () => {
    // Rates 0.16 and 0.36 at n = 100: z = −2.2416386 and 2.3980467; φ > 1 but I = 2 < 3 → τ² = 0.
    // Limits as for unit A above: 95 % 17.045987–33.911308 %, 99.8 % 13.015083–39.353362 %.
    // 16 % < 17.05 but > 13.02 → watch_low; 36 % > 33.91 but < 39.35 → watch_high.
    const analysis = funnelLimits([{ exposureDays: 10_000, sickDays: 1_600 }, { exposureDays: 10_000, sickDays: 3_600 }], 0.25, 100);
    // Quantiles of two values: 10 % → −2.2416386 + 0.1 × 4.6396853 = −1.7776701; 90 % → −2.2416386 + 0.9 × 4.6396853 = 1.9340781;
    // φ = (1.7776701² + 1.9340781²)/2 = (3.1601109 + 3.7406582)/2 = 3.4503846.
    expect(analysis.phi).toBeCloseTo(3.4503846, 6);
    expect(analysis.tau2).toBe(0);
    expect(analysis.results.map((result) => result!.signal)).toEqual(['watch_low', 'watch_high']);
  });

  it('high and low beyond the 99.8 % limits; units without exposure get nothing and do not count', () => {
    // Two units of n = 100 at 0.09 and 0.49 against p₀ = 0.25: outside 13.015083–39.353362 % → low and high.
    const analysis = funnelLimits(
      [{ exposureDays: 10_000, sickDays: 900 }, { exposureDays: 0, sickDays: 0 }, { exposureDays: 10_000, sickDays: 4_900 }],
      0.25,
      100,
    );
    expect(analysis.units).toBe(2);
    expect(analysis.results[1]).toBeNull();
    expect([analysis.results[0]!.signal, analysis.results[2]!.signal]).toEqual(['low', 'high']);
    expect(analysis.results[0]!.funnel.lower998Pct).toBeCloseTo(13.015083, 5);
    expect(Math.asin(Math.sqrt(0.25))).toBeCloseTo(THETA0, 12);
  });

  it('a unit sick every day stays at 100 % even when summed days overshoot by an ulp', () => {
    // Sick days summed in another order than exposure: 1.2000000000000002 of 1.2; p₀ = 1 → θ₀ = π/2, upper limits clamp to 100 %.
    const analysis = funnelLimits([{ exposureDays: 1.2, sickDays: 1.2000000000000002 }], 1, 6);
    expect(analysis.results[0]!.funnel.upper998Pct).toBe(100);
    expect(analysis.results[0]!.signal).toBeNull();
  });

  it('no units: no limits and φ undefined', () => {
    expect(funnelLimits([], 0.05, 184)).toEqual({ units: 0, phi: Number.NaN, tau2: 0, results: [] });
  });
});
