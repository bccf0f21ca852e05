import { describe, expect, it } from 'vitest';
import { fitWithin, PHOTO_MAX_SIDE } from './resize-photo.ts';

describe('fitWithin', () => {
  it('shrinks the longest side to the limit, keeping the proportions', () => {
    expect(fitWithin(4032, 3024, PHOTO_MAX_SIDE)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, PHOTO_MAX_SIDE)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600, PHOTO_MAX_SIDE)).toEqual({ width: 800, height: 600 });
  });
});
