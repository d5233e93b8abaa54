import type { CourierActionRequest } from '@federacycle/contracts';
import { actionFingerprint, canonicalJson, describeMissing, missingProofs, stepFitsTask } from './courier-rules';

const base: CourierActionRequest = {
  clientActionId: '0b9d3c1e-4c7e-4e8f-9a51-2f7d1d9e6a10',
  taskId: '5f0c2a4e-1b6d-4a8c-8e3f-9d7b2c1a0e55',
  step: 'delivered',
  code: '123456',
  position: { lat: 45.76, lng: 4.83, accuracyM: 12 },
};

describe('courier rules', () => {
  it('fits picked up to pickups and delivered to dropoffs only', () => {
    expect(stepFitsTask('picked_up', 'pickup')).toBe(true);
    expect(stepFitsTask('picked_up', 'dropoff')).toBe(false);
    expect(stepFitsTask('delivered', 'dropoff')).toBe(true);
    expect(stepFitsTask('delivered', 'pickup')).toBe(false);
    expect(stepFitsTask('start', 'pickup')).toBe(true);
    expect(stepFitsTask('failed', 'dropoff')).toBe(true);
  });

  it('fingerprints a body by its meaning, whatever the order of its keys', () => {
    const reordered = {
      position: { accuracyM: 12, lng: 4.83, lat: 45.76 },
      code: '123456',
      step: 'delivered',
      taskId: base.taskId,
      clientActionId: base.clientActionId,
    } as CourierActionRequest;
    expect(actionFingerprint(reordered)).toBe(actionFingerprint(base));
    expect(actionFingerprint({ ...base, note: undefined })).toBe(actionFingerprint(base));
    expect(actionFingerprint({ ...base, code: '654321' })).not.toBe(actionFingerprint(base));
    expect(actionFingerprint({ ...base, step: 'failed', reason: 'refused' })).not.toBe(actionFingerprint(base));
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
  });

  it('names what a proof policy still needs', () => {
    expect(missingProofs(['photo', 'signature'], [], false)).toEqual(['photo', 'signature']);
    expect(missingProofs(['photo', 'signature'], ['photo'], false)).toEqual(['signature']);
    expect(missingProofs(['photo', 'signature'], ['signature', 'photo'], false)).toEqual([]);
    expect(missingProofs(['code'], ['photo'], false)).toEqual(['code']);
    expect(missingProofs(['code'], [], true)).toEqual([]);
    expect(missingProofs([], [], false)).toEqual([]);
    expect(describeMissing(['photo', 'signature'])).toBe('a photo and the recipient’s signature');
    expect(describeMissing(['code'])).toBe('the handover code the recipient gives');
  });
});
