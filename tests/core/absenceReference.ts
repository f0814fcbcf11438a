// An independent brute-force route to the SPEC §3 figures, for comparison in property tests.
// Deliberately imports nothing from src/core: its own dates, its own relapse rule and day numbers,
// and a plain day-by-day loop over every calendar day of every employment row.

export interface RefEmployment {
  employmentId: string;
  administration: string;
  department: string;
  operation: string;
  unitId: string;
  unitName: string;
  employmentRate: number;
  gender: 'K' | 'M' | null;
  birthYear: number | null;
  validFrom: string;
  validTo: string | null;
  line: number;
}

export interface RefSegment {
  employmentId: string;
  from: string;
  to: string | null;
  extent: number;
}

export interface RefThresholds {
  shortTermMaxDay: number;
  longSpellDays: number;
  relapseGapDays: number;
  deviationPp: number;
  repeatedShortTermPeriods: number;
  repeatedShortTermMonths: number;
  minGroupSize: number;
  statutoryGroupMaxSuppressed: number;
}

export interface RefRates {
  employees: number;
  exposureDays: number;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
  longSpellSharePct: number;
  previousTotalPct: number | null;
}

export interface RefUnit extends RefRates {
  level: 'enhet' | 'verksamhet' | 'avdelning';
  id: string;
  name: string;
  parent: string;
  diffPp: number | null;
  deviates: boolean;
  suppressed: boolean;
  funnel: { lower95Pct: number; upper95Pct: number; lower998Pct: number; upper998Pct: number } | null;
  signal: 'high' | 'low' | 'watch_high' | 'watch_low' | null;
}

export interface RefMonth {
  month: string;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
}

export interface RefCell {
  employees: number;
  exposureDays: number;
}

export interface RefCells {
  window: RefCell;
  previous: RefCell;
  months: RefCell[];
}

export interface RefReport {
  previousWindow: { from: string; to: string };
  administration: RefRates & { name: string };
  units: RefUnit[];
  trend: { months: string[]; administration: RefMonth[]; units: Record<string, RefMonth[]> };
  statutory: { group: string; employees: number; exposureDays: number; totalPct: number | null; suppressed: boolean }[];
  /** Population of every cell: `${level}:${id}` of each listed unit and 'administration'. */
  cells: Record<string, RefCells>;
  repeatedShortTerm: { employmentId: string; periodStarts: string[] }[];
}

const DAY_MS = 86_400_000;

function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function iso(dayValue: number): string {
  return new Date(dayValue * DAY_MS).toISOString().slice(0, 10);
}

/** First day of the month that is `shift` months from the month of the given day. */
function monthStart(dayValue: number, shift = 0): number {
  const date = new Date(dayValue * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + shift, 1) / DAY_MS;
}

function isWholeMonths(from: number, to: number): boolean {
  return monthStart(from) === from && monthStart(to, 1) - 1 === to;
}

interface Bucket {
  ids: Set<string>;
  prevIds: Set<string>;
  monthIds: Set<string>[];
  exposure: number;
  short: number;
  long: number;
  longSpell: number;
  prevExposure: number;
  prevSick: number;
  monthExposure: number[];
  monthShort: number[];
  monthLong: number[];
}

function pct(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** R's quantile type 7 as its documentation states it: h = (n − 1)p + 1 (1-based), x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋). */
export function referenceQuantile(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p + 1;
  const lower = x[Math.floor(h) - 1]!;
  const upper = x[Math.min(Math.floor(h), x.length - 1)]!;
  return lower + (h - Math.floor(h)) * (upper - lower);
}

/** Sets funnel and signal on the given units (all with exposure > 0), written from the SPEC text. */
function referenceFunnel(group: RefUnit[], sickDays: (u: RefUnit) => number, p0: number, windowLength: number): void {
  const theta = Math.asin(Math.sqrt(p0));
  const n = group.map((u) => u.exposureDays / windowLength);
  const s = n.map((ni) => 1 / (2 * Math.sqrt(ni)));
  // A share of days lies in [0, 1]; summed floating FTE days can overshoot 1 by an ulp (a unit sick every day).
  const p = group.map((u) => Math.min(1, sickDays(u) / u.exposureDays));
  const z = group.map((_, i) => (Math.asin(Math.sqrt(p[i]!)) - theta) / s[i]!);
  const I = group.length;
  let tau2 = 0;
  if (I >= 3) {
    const q10 = referenceQuantile(z, 0.1);
    const q90 = referenceQuantile(z, 0.9);
    const phi = z.map((zi) => (zi < q10 ? q10 : zi > q90 ? q90 : zi)).reduce((sum, zi) => sum + zi * zi, 0) / I;
    if (I * phi > I - 1) {
      const w = s.map((si) => 1 / (si * si));
      const sw = w.reduce((a, b) => a + b, 0);
      const sw2 = w.reduce((a, b) => a + b * b, 0);
      tau2 = (I * phi - (I - 1)) / (sw - sw2 / sw);
    }
  }
  const limit = (angle: number): number => 100 * Math.sin(Math.max(0, Math.min(Math.PI / 2, angle))) ** 2;
  group.forEach((u, i) => {
    const half = Math.sqrt(s[i]! * s[i]! + tau2);
    const funnel = {
      lower95Pct: limit(theta - 1.959964 * half),
      upper95Pct: limit(theta + 1.959964 * half),
      lower998Pct: limit(theta - 3.090232 * half),
      upper998Pct: limit(theta + 3.090232 * half),
    };
    const rate = 100 * p[i]!;
    u.funnel = funnel;
    u.signal = rate > funnel.upper998Pct ? 'high' : rate < funnel.lower998Pct ? 'low' : rate > funnel.upper95Pct ? 'watch_high' : rate < funnel.lower95Pct ? 'watch_low' : null;
  });
}

export function referenceReport(
  employments: RefEmployment[],
  segments: RefSegment[],
  window: { from: string; to: string },
  asOf: string,
  t: RefThresholds,
  administrationName: string | null = null,
): RefReport {
  const wFrom = day(window.from);
  const wTo = day(window.to);
  const length = wTo - wFrom + 1;
  let pFrom: number;
  if (isWholeMonths(wFrom, wTo)) {
    let count = 0;
    for (let m = wFrom; m <= wTo; m = monthStart(m, 1)) count += 1;
    pFrom = monthStart(wFrom, -count);
  } else {
    pFrom = wFrom - length;
  }
  const pTo = wFrom - 1;
  const monthStarts: number[] = [];
  for (let k = -11; k <= 0; k += 1) monthStarts.push(monthStart(wTo, k));
  const monthOf = (d: number): number => monthStarts.findIndex((start, k) => d >= start && d < (k < 11 ? monthStarts[k + 1]! : monthStart(wTo, 1)));
  const asOfDay = day(asOf);

  // Sick days per employment: day → { extent, dayNumber, period index }, walking calendar days one by one.
  const sickInfo = new Map<string, Map<number, { extent: number; dayNumber: number; period: number }>>();
  const periodStarts = new Map<string, number[]>();
  const periodLengthAtWindowEnd = new Map<string, number[]>();
  for (const id of new Set(segments.map((s) => s.employmentId))) {
    const extentOn = new Map<number, number>();
    for (const s of segments.filter((x) => x.employmentId === id)) {
      const end = s.to === null ? asOfDay : day(s.to);
      for (let d = day(s.from); d <= end; d += 1) extentOn.set(d, s.extent);
    }
    const days = [...extentOn.keys()];
    const info = new Map<number, { extent: number; dayNumber: number; period: number }>();
    const starts: number[] = [];
    const lengths: number[] = [];
    if (days.length > 0) {
      let wellDays = Infinity;
      let counter = 0;
      for (let d = Math.min(...days); d <= Math.max(...days); d += 1) {
        const extent = extentOn.get(d);
        if (extent === undefined) {
          wellDays += 1;
          continue;
        }
        if (wellDays > t.relapseGapDays) {
          starts.push(d);
          lengths.push(0);
          counter = 0;
        }
        wellDays = 0;
        counter += 1;
        if (d <= wTo) lengths[lengths.length - 1]! += 1;
        info.set(d, { extent, dayNumber: counter, period: starts.length - 1 });
      }
    }
    sickInfo.set(id, info);
    periodStarts.set(id, starts);
    periodLengthAtWindowEnd.set(id, lengths);
  }

  const buckets = new Map<string, Bucket>();
  const bucket = (key: string): Bucket => {
    let b = buckets.get(key);
    if (!b) {
      b = { ids: new Set(), prevIds: new Set(), monthIds: Array.from({ length: 12 }, () => new Set<string>()), exposure: 0, short: 0, long: 0, longSpell: 0, prevExposure: 0, prevSick: 0, monthExposure: Array(12).fill(0), monthShort: Array(12).fill(0), monthLong: Array(12).fill(0) };
      buckets.set(key, b);
    }
    return b;
  };
  const first = Math.min(pFrom, monthStarts[0]!);
  const last = Math.max(wTo, monthStart(wTo, 1) - 1);
  const windowEndYear = Number(window.to.slice(0, 4));

  // Latest row: greatest validFrom, then greatest line.
  const later = (a: RefEmployment, b: RefEmployment): RefEmployment => (b.validFrom > a.validFrom || (b.validFrom === a.validFrom && b.line > a.line) ? b : a);
  const latestOf = (rows: RefEmployment[]): RefEmployment => rows.reduce(later);
  // Today's organisation: a unit's days count for the verksamhet and avdelning of the unit's latest row.
  const unitNow = new Map<string, RefEmployment>();
  for (const unitId of new Set(employments.map((e) => e.unitId))) unitNow.set(unitId, latestOf(employments.filter((e) => e.unitId === unitId)));

  for (const e of employments) {
    const now = unitNow.get(e.unitId)!;
    const keys = [`enhet:${e.unitId}`, `verksamhet:${now.operation}`, `avdelning:${now.department}`, 'adm'];
    if (e.gender === 'K') keys.push('stat:women');
    if (e.gender === 'M') keys.push('stat:men');
    if (e.birthYear !== null) {
      const age = windowEndYear - e.birthYear;
      keys.push(age <= 29 ? 'stat:age_29_or_less' : age >= 50 ? 'stat:age_50_or_more' : 'stat:age_30_to_49');
    }
    const rate = e.employmentRate / 100;
    const info = sickInfo.get(e.employmentId);
    const lengths = periodLengthAtWindowEnd.get(e.employmentId) ?? [];
    const start = Math.max(day(e.validFrom), first);
    const end = Math.min(e.validTo === null ? last : day(e.validTo), last);
    for (let d = start; d <= end; d += 1) {
      const sick = info?.get(d);
      const sickFte = sick ? (sick.extent / 100) * rate : 0;
      const isShort = sick !== undefined && sick.dayNumber <= t.shortTermMaxDay;
      const month = monthOf(d);
      for (const key of keys) {
        const b = bucket(key);
        if (d >= wFrom && d <= wTo) {
          b.ids.add(e.employmentId);
          b.exposure += rate;
          if (isShort) b.short += sickFte;
          else b.long += sickFte;
          if (sick && lengths[sick.period]! >= t.longSpellDays) b.longSpell += sickFte;
        }
        if (d >= pFrom && d <= pTo) {
          b.prevIds.add(e.employmentId);
          b.prevExposure += rate;
          b.prevSick += sickFte;
        }
        if (month >= 0) {
          b.monthIds[month]!.add(e.employmentId);
          b.monthExposure[month]! += rate;
          if (isShort) b.monthShort[month]! += sickFte;
          else b.monthLong[month]! += sickFte;
        }
      }
    }
  }

  const ratesOf = (b: Bucket): RefRates => ({
    employees: b.ids.size,
    exposureDays: b.exposure,
    shortPct: pct(b.short, b.exposure),
    longPct: pct(b.long, b.exposure),
    totalPct: pct(b.short + b.long, b.exposure),
    longSpellSharePct: b.short + b.long > 0 ? (100 * b.longSpell) / (b.short + b.long) : 0,
    previousTotalPct: pct(b.prevSick, b.prevExposure),
  });
  const monthsOf = (b: Bucket): RefMonth[] =>
    monthStarts.map((m, k) => ({ month: iso(m), shortPct: pct(b.monthShort[k]!, b.monthExposure[k]!), longPct: pct(b.monthLong[k]!, b.monthExposure[k]!), totalPct: pct(b.monthShort[k]! + b.monthLong[k]!, b.monthExposure[k]!) }));

  const admBucket = bucket('adm');
  const admName = administrationName ?? (employments.length > 0 ? latestOf(employments).administration : '');
  const administration = { name: admName, ...ratesOf(admBucket) };

  const cellsOf = (b: Bucket): RefCells => ({
    window: { employees: b.ids.size, exposureDays: b.exposure },
    previous: { employees: b.prevIds.size, exposureDays: b.prevExposure },
    months: b.monthIds.map((ids, k) => ({ employees: ids.size, exposureDays: b.monthExposure[k]! })),
  });
  const cells: Record<string, RefCells> = { administration: cellsOf(admBucket) };
  const units: RefUnit[] = [];
  const sickOf = new Map<string, number>();
  const trendUnits: Record<string, RefMonth[]> = {};
  const levels = [
    { level: 'enhet' as const, idOf: (e: RefEmployment) => e.unitId },
    { level: 'verksamhet' as const, idOf: (e: RefEmployment) => e.operation },
    { level: 'avdelning' as const, idOf: (e: RefEmployment) => e.department },
  ];
  // Groups are those named by a unit's latest row; a verksamhet/avdelning takes its own parent from the latest of those rows.
  const unitRows = [...unitNow.values()];
  for (const { level, idOf } of levels) {
    const ids = [...new Set(unitRows.map(idOf))];
    const levelUnits: RefUnit[] = [];
    for (const id of ids) {
      const b = bucket(`${level}:${id}`);
      if (b.ids.size === 0) continue;
      const latest = latestOf(unitRows.filter((e) => idOf(e) === id));
      const rates = ratesOf(b);
      const diffPp = rates.totalPct === null || administration.totalPct === null ? null : rates.totalPct - administration.totalPct;
      const suppressed = rates.employees < t.minGroupSize;
      levelUnits.push({
        level,
        id,
        name: level === 'enhet' ? latest.unitName : id,
        parent: level === 'enhet' ? latest.operation : level === 'verksamhet' ? latest.department : admName,
        ...rates,
        diffPp,
        deviates: !suppressed && diffPp !== null && diffPp >= t.deviationPp - 1e-9,
        suppressed,
        funnel: null,
        signal: null,
      });
      sickOf.set(`${level}:${id}`, b.short + b.long);
      trendUnits[`${level}:${id}`] = monthsOf(b);
      cells[`${level}:${id}`] = cellsOf(b);
    }
    levelUnits.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id, 'sv'));
    units.push(...levelUnits);
  }

  // Funnel limits (SPEC §3 "Fair comparison"), enheter and verksamheter each among themselves.
  const p0 = admBucket.exposure > 0 ? (admBucket.short + admBucket.long) / admBucket.exposure : 0;
  for (const level of ['enhet', 'verksamhet'] as const) {
    referenceFunnel(units.filter((u) => u.level === level && u.exposureDays > 0), (u) => sickOf.get(`${u.level}:${u.id}`)!, p0, length);
  }

  const statutory = ['women', 'men', 'age_29_or_less', 'age_30_to_49', 'age_50_or_more'].map((group) => {
    const b = bucket(`stat:${group}`);
    return { group, employees: b.ids.size, exposureDays: b.exposure, totalPct: pct(b.short + b.long, b.exposure), suppressed: b.ids.size <= t.statutoryGroupMaxSuppressed };
  });

  // Repeated short-term: periods starting in the N whole calendar months that end with the window's last month
  // (from the 1st of the month N − 1 months before it), up to the window end.
  const repeatedFrom = monthStart(wTo, 1 - t.repeatedShortTermMonths);
  const repeatedShortTerm = [...periodStarts.entries()]
    .map(([employmentId, starts]) => ({ employmentId, periodStarts: starts.filter((s) => s >= repeatedFrom && s <= wTo).map(iso) }))
    .filter((entry) => entry.periodStarts.length >= t.repeatedShortTermPeriods)
    .sort((a, b) => a.employmentId.localeCompare(b.employmentId, 'sv'));

  return {
    previousWindow: { from: iso(pFrom), to: iso(pTo) },
    administration,
    units,
    trend: { months: monthStarts.map(iso), administration: monthsOf(admBucket), units: trendUnits },
    statutory,
    cells,
    repeatedShortTerm,
  };
}
