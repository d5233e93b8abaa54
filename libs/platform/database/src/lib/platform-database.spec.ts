import { platformDatabase } from './platform-database';

describe('platformDatabase', () => {
  it('should work', () => {
    expect(platformDatabase()).toEqual('platform-database');
  });
});
