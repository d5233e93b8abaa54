import { platformQueue } from './platform-queue';

describe('platformQueue', () => {
  it('should work', () => {
    expect(platformQueue()).toEqual('platform-queue');
  });
});
