import { platformTesting } from './platform-testing';

describe('platformTesting', () => {
  it('should work', () => {
    expect(platformTesting()).toEqual('platform-testing');
  });
});
