import 'fake-indexeddb/auto';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { deleteDB } from 'idb';
import { MAX_FIX_AGE_MS, type LocationFix } from '@federacycle/contracts';
import { QUEUE_DB_NAME } from './action-queue';
import { CourierSync } from './courier-sync.service';
import { LocationShare, refusedFixIndexes } from './location-share.service';

// jsdom has no structuredClone (browsers do; fake-indexeddb needs it); fixes are plain JSON
globalThis.structuredClone ??= <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const fix = (minutesAgo: number, lat = 45.76): LocationFix => ({
  lat,
  lng: 4.83,
  accuracyM: 10,
  recordedAt: at(minutesAgo),
});
const isLocations = (url: string) => url === '/api/fleet/me/locations';
const sent = (r: TestRequest) => (r.request.body as { fixes: LocationFix[] }).fixes;

describe('LocationShare (fixes kept on the device until the server has them)', () => {
  let http: HttpTestingController;
  let share: LocationShare;

  /** a fresh page: new services over the same IndexedDB (what a reload does) */
  function load(): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    share = TestBed.inject(LocationShare);
  }
  /** flushes while answering each batch request in turn */
  async function flushAnswering(...answers: Array<(r: TestRequest) => void>): Promise<TestRequest[]> {
    const done = share.flush();
    const seen: TestRequest[] = [];
    for (const answer of answers) {
      let found: TestRequest[] = [];
      for (let i = 0; i < 2000 && found.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        found = http.match((r) => isLocations(r.url));
      }
      expect(found).toHaveLength(1);
      const request = found[0] as TestRequest;
      seen.push(request);
      answer(request);
    }
    await done;
    http.expectNone((r) => isLocations(r.url));
    return seen;
  }
  const accept = (r: TestRequest) => r.flush({ received: sent(r).length, newest: sent(r).at(-1)?.recordedAt });
  const offline = (r: TestRequest) => r.error(new ProgressEvent('error'), { status: 0, statusText: 'offline' });

  beforeEach(() => load());
  afterEach(async () => {
    await TestBed.inject(CourierSync).queue.close();
    TestBed.resetTestingModule();
    await deleteDB(QUEUE_DB_NAME);
  });

  it('keeps fixes taken without network through a reload, sends them oldest first, then forgets them', async () => {
    await share.record(fix(3, 45.1));
    await share.record(fix(2, 45.2));
    const [first] = await flushAnswering(offline);
    expect(sent(first as TestRequest).map((f) => f.lat)).toEqual([45.1, 45.2]);

    await TestBed.inject(CourierSync).queue.close();
    load();
    await share.record(fix(1, 45.3));
    const [again] = await flushAnswering(accept);
    // the server's own fields only (the device's order number stays on the device)
    expect(sent(again as TestRequest)).toEqual(
      [fix(3, 45.1), fix(2, 45.2), fix(1, 45.3)].map((f) => ({ ...f, recordedAt: expect.any(String) })),
    );
    expect(Object.keys(sent(again as TestRequest)[0] ?? {}).sort()).toEqual(['accuracyM', 'lat', 'lng', 'recordedAt']);
    await flushAnswering();
  }, 30_000);

  it('drops the fixes the server refuses (named by their field) and sends the rest; never retries a refusal', async () => {
    await share.record(fix(5, 45.1));
    await share.record(fix(4, 45.2));
    await share.record(fix(3, 45.3));
    const [refused, rest] = await flushAnswering(
      (r) =>
        r.flush(
          {
            statusCode: 422,
            code: 'LOCATION_ACCURACY_ABSURD',
            message: 'Fix 1: an accuracy of 0 m means nothing',
            errors: [{ field: 'fixes.1.accuracyM', code: 'LOCATION_ACCURACY_ABSURD', message: 'absurd accuracy' }],
          },
          { status: 422, statusText: 'Unprocessable Entity' },
        ),
      accept,
    );
    expect(sent(refused as TestRequest).map((f) => f.lat)).toEqual([45.1, 45.2, 45.3]);
    expect(sent(rest as TestRequest).map((f) => f.lat)).toEqual([45.1, 45.3]);

    // a refusal naming no fix: the whole batch leaves
    await share.record(fix(2, 45.4));
    await flushAnswering((r) =>
      r.flush(
        { statusCode: 400, code: 'VALIDATION_FAILED', message: 'no' },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    await flushAnswering();
  }, 30_000);

  it('drops fixes older than the server takes without sending them', async () => {
    await share.record({ ...fix(0), recordedAt: new Date(Date.now() - MAX_FIX_AGE_MS - 60_000).toISOString() });
    await share.record(fix(1, 45.5));
    const [batch] = await flushAnswering(accept);
    expect(sent(batch as TestRequest).map((f) => f.lat)).toEqual([45.5]);
  }, 30_000);

  it('reads the refused positions from field errors', () => {
    expect(
      refusedFixIndexes([
        { field: 'fixes.3.recordedAt', code: 'LOCATION_TOO_OLD', message: 'too old' },
        { field: 'fixes.3.accuracyM', code: 'x', message: 'x' },
        { field: 'fixes.12', code: 'x', message: 'x' },
        { field: 'fixesX.1', code: 'x', message: 'x' },
      ]),
    ).toEqual([3, 12]);
  });
});
