import { ErrorCode } from '@federacycle/contracts';
import * as api from './index';

describe('public API', () => {
  it('exports the core entry points', () => {
    for (const name of [
      'validateRegistration',
      'validateApplication',
      'inspectStatutes',
      'transitionApplication',
      'transitionCoop',
      'KeyRing',
      'signLicence',
      'verifyLicence',
      'standingFor',
      'canOperate',
      'computeWorkerOwnership',
    ]) {
      expect(api).toHaveProperty(name);
    }
  });

  it('every statuses-to-code mapping uses a code declared in contracts', () => {
    const declared = new Set<string>(Object.values(ErrorCode));
    for (const code of Object.values(api.LICENCE_STATUS_CODES)) expect(declared.has(code)).toBe(true);
  });
});
