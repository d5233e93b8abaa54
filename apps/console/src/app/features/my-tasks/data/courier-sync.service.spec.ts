import 'fake-indexeddb/auto';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { deleteDB } from 'idb';
import { QUEUE_DB_NAME } from './action-queue';
import { CourierSync } from './courier-sync.service';

// jsdom has no structuredClone (browsers do; fake-indexeddb needs it): plain values, Blobs kept
function clone(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Blob) return value;
  if (Array.isArray(value)) return value.map(clone);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
}
globalThis.structuredClone ??= <T>(value: T): T => clone(value) as T;

const TASK = '5f0c2a4e-1b6d-4a8c-8e3f-9d7b2c1a0e55';

/** yields until the predicate holds (IndexedDB and the HTTP mock answer asynchronously) */
async function until(predicate: () => boolean): Promise<void> {
  let held = predicate();
  for (let i = 0; i < 2000 && !held; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    held = predicate();
  }
  expect(held).toBe(true);
}

describe('CourierSync (the device queue sent in order)', () => {
  let http: HttpTestingController;
  let sync: CourierSync;
  /** the next request the service sends that matches (match() takes it off the open list) */
  async function next(test: (url: string) => boolean): Promise<TestRequest> {
    let found: TestRequest[] = [];
    await until(() => {
      found = http.match((r) => test(r.url));
      return found.length > 0;
    });
    expect(found).toHaveLength(1);
    return found[0] as TestRequest;
  }
  const isAction = (url: string) => url === '/api/dispatch/me/actions';
  const isProof = (url: string) => url.includes('/proofs/');

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    sync = TestBed.inject(CourierSync);
    await until(() => !sync.syncing());
  });
  afterEach(async () => {
    await sync.queue.close();
    TestBed.resetTestingModule();
    await deleteDB(QUEUE_DB_NAME);
  });

  it('keeps a step pending without network, and sends it with the same client id when the network returns', async () => {
    await sync.step({ taskId: TASK, step: 'start' });
    const first = await next(isAction);
    const clientActionId = (first.request.body as { clientActionId: string }).clientActionId;
    expect(clientActionId).toMatch(/^[0-9a-f-]{36}$/);
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'offline' });
    await until(() => !sync.online());
    await until(() => !sync.syncing());
    expect(sync.items().map((i) => i.status)).toEqual(['pending']);
    expect(sync.online()).toBe(false);

    window.dispatchEvent(new Event('online'));
    const again = await next(isAction);
    expect((again.request.body as { clientActionId: string }).clientActionId).toBe(clientActionId);
    again.flush({ clientActionId, step: 'start', task: {}, appliedAt: '2026-12-07T10:00:00Z' });
    await until(() => sync.items().length === 0);
    expect(sync.applied()).toBe(1);
  }, 30_000);

  it('sends proofs before the step that needs them, and keeps a refusal on the device', async () => {
    await sync.proof(TASK, 'photo', new Blob(['x'], { type: 'image/jpeg' }));
    await sync.step({ taskId: TASK, step: 'delivered' });
    const proof = await next(isProof);
    expect(http.match((r) => isAction(r.url))).toHaveLength(0);
    expect(proof.request.method).toBe('PUT');
    expect(proof.request.params.get('kind')).toBe('photo');
    proof.flush({ id: 'p', taskId: TASK, kind: 'photo', contentType: 'image/jpeg', size: 1, createdAt: '' });
    (await next(isAction)).flush(
      { statusCode: 409, code: 'COURIER_TASK_CONFLICT', message: 'given to another courier' },
      { status: 409, statusText: 'Conflict' },
    );
    await until(() => sync.items().length === 1 && sync.items()[0]?.status === 'refused');
    const refused = sync.items()[0];
    expect(refused?.problem).toMatchObject({ status: 409, code: 'COURIER_TASK_CONFLICT' });
    await sync.dismiss(refused?.seq as number);
    expect(sync.items()).toEqual([]);
  }, 30_000);
});
