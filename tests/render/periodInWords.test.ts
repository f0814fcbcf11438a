import { describe, expect, it } from 'vitest';
import { periodInWords } from '../../src/render/labels.js';

describe('periodInWords', () => {
  it('says the run name as a Swede writes it in a document', () => {
    expect(periodInWords('2027-vår')).toBe('våren 2027');
    expect(periodInWords('2026-höst')).toBe('hösten 2026');
  });
  it('leaves anything else as it is', () => {
    expect(periodInWords('2027')).toBe('2027');
  });
});
