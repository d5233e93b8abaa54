import { platformConfig } from './platform-config';

describe('platformConfig', () => {
  it('should work', () => {
    expect(platformConfig()).toEqual('platform-config');
  });
});
