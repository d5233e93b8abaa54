import { constraintViolationList, hydraCollection, hydraError, idOfIri, iri, resource } from './jsonld';

describe('CoopCycle JSON-LD helpers', () => {
  const id = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

  it('builds IRIs relative to the base URL and reads them back, refusing anything else', () => {
    expect(iri('Store', id)).toBe(`/api/stores/${id}`);
    expect(iri('TimeSlot', id)).toBe(`/api/time_slots/${id}`);
    expect(idOfIri('Store', `/api/stores/${id}`)).toBe(id);
    expect(idOfIri('Store', `/api/stores/${id.toUpperCase()}`)).toBe(id);
    for (const bad of [`/api/time_slots/${id}`, '/api/stores/1', `/api/stores/${id}/x`, `api/stores/${id}`, 42, null]) {
      expect(idOfIri('Store', bad)).toBeNull();
    }
  });

  it('shapes resources, collections and errors as API Platform does', () => {
    expect(resource('ApiApp', id, { name: 'Shop' })).toEqual({
      '@context': '/api/contexts/ApiApp',
      '@id': `/api/api_apps/${id}`,
      '@type': 'ApiApp',
      name: 'Shop',
    });
    expect(hydraCollection('/api/time_slots', [{ a: 1 }], 1)).toMatchObject({
      '@type': 'hydra:Collection',
      'hydra:member': [{ a: 1 }],
      'hydra:totalItems': 1,
    });
    expect(constraintViolationList([{ propertyPath: 'dropoff.timeSlot', message: 'Not a slot' }])).toMatchObject({
      '@type': 'ConstraintViolationList',
      violations: [{ propertyPath: 'dropoff.timeSlot', message: 'Not a slot' }],
      'hydra:description': 'dropoff.timeSlot: Not a slot',
    });
    expect(hydraError('Access Denied.')).toMatchObject({
      '@type': 'hydra:Error',
      'hydra:description': 'Access Denied.',
    });
  });
});
