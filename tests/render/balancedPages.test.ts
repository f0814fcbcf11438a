// src/render/deckModel.ts balancedPages: pages in order, as few as fit, then as even in height as possible.
import { describe, expect, it } from 'vitest';
import { balancedPages } from '../../src/render/deckModel.js';

const pages = (heights: number[], budget: number): number[][] => balancedPages(heights, (height) => height, budget);

describe('balancedPages', () => {
  it('one tall section does not put every other section on a slide of its own', () => {
    // "Att ta upp på mötet" of the demo's manager with the most material: six short sections and a long one.
    // Greedy needs 3 slides: 4 short ones (10.4), the long one alone (20), the last two (9.2). The old rule
    // split by count (7 sections over 3 slides = 3 each) and, as 3 with the long one did not fit, gave 7 slides.
    expect(pages([2.6, 2.6, 2.6, 2.6, 20, 2.6, 6.6], 13)).toEqual([[2.6, 2.6, 2.6, 2.6], [20], [2.6, 6.6]]);
  });

  it('spreads rows of equal height evenly, the fuller pages first', () => {
    // 7 × 3 with room for 3: 3 pages; 3+2+2 (squares 81+36+36 = 153) beats 3+3+1 (171); 3+2+2 before 2+3+2.
    expect(pages([3, 3, 3, 3, 3, 3, 3], 10).map((page) => page.length)).toEqual([3, 2, 2]);
    expect(pages([3, 3, 3, 3], 12)).toEqual([[3, 3, 3, 3]]);
  });

  it('balances by height, not by count', () => {
    // 10 + 1 + 1 + 1 + 9 with room for 12: two pages; [10, 1] | [1, 1, 9] = 11 and 11 is the even split.
    expect(pages([10, 1, 1, 1, 9], 12)).toEqual([
      [10, 1],
      [1, 1, 9],
    ]);
  });

  it('keeps the order, uses every row once and never more pages than the greedy fill', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 300; round += 1) {
      const heights = Array.from({ length: 1 + Math.floor(random() * 30) }, () => Math.round(random() * 60) / 4);
      const budget = 5 + Math.floor(random() * 20);
      const result = pages(heights, budget);
      expect(result.flat()).toEqual(heights);
      expect(result.every((page) => page.length > 0 && (page.length === 1 || page.reduce((sum, height) => sum + height, 0) <= budget))).toBe(true);
      let greedy = 0;
      for (let start = 0; start < heights.length; greedy += 1) {
        let used = heights[start]!;
        let end = start + 1;
        while (end < heights.length && used + heights[end]! <= budget) used += heights[end++]!;
        start = end;
      }
      expect(result.length).toBe(greedy);
    }
  });

  it('an empty list is one empty page', () => {
    expect(pages([], 10)).toEqual([[]]);
  });
});
