import { assertWeightsFit } from './colleges.service';

describe('assertWeightsFit (colleges weigh shares of the vote: together at most 100 %)', () => {
  it('accepts weights that add up to 100 % at most, thousandths included', () => {
    expect(() => assertWeightsFit([], 100)).not.toThrow();
    expect(() => assertWeightsFit([60], 40)).not.toThrow();
    expect(() => assertWeightsFit([33.333, 33.333], 33.334)).not.toThrow();
  });

  it('refuses a total over 100 % with COLLEGE_WEIGHTS_OVER_100', () => {
    expect(() => assertWeightsFit([60], 40.001)).toThrow(expect.objectContaining({ code: 'COLLEGE_WEIGHTS_OVER_100' }));
    expect(() => assertWeightsFit([50, 50], 0.001)).toThrow(
      expect.objectContaining({ code: 'COLLEGE_WEIGHTS_OVER_100' }),
    );
  });
});
