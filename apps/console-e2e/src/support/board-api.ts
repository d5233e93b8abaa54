import type { BoardView } from '@federacycle/contracts';
import type { Page } from 'playwright-core';
import { urlOf } from './env';

/** The board journeys' direct calls to the real API (bearer token of a signed-in person). */
export interface ApiSession {
  token: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiSignIn(email: string, password: string): Promise<ApiSession> {
  const res = await fetch(urlOf('/api/auth/sign-in'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return {
    token: accessToken,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(urlOf(path), {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    },
  };
}

/** The coop's day (Europe/Paris for the Lyon demo) of an instant, YYYY-MM-DD. */
export function coopDay(at: number, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(at));
}

export interface LatLng {
  lat: number;
  lng: number;
}
export const LYON: LatLng = { lat: 45.7578, lng: 4.832 };

/** Spots around a city centre, spread on a grid of about 9 × 7 km (deterministic). */
export function pointNear(centre: LatLng, i: number): LatLng {
  const row = Math.floor(i / 40) % 40;
  const col = i % 40;
  return {
    lat: centre.lat - 0.04 + row * 0.0022 + (col % 3) * 0.0004,
    lng: centre.lng - 0.045 + col * 0.0025 + (row % 2) * 0.0006,
  };
}

/**
 * Creates `count` deliveries (pickup + dropoff) through the API, `concurrency` at a time, due
 * between `from` and `from + spreadMs`; returns their task ids.
 */
export async function createDeliveries(
  api: ApiSession,
  count: number,
  options: { from: number; spreadMs: number; prefix: string; concurrency?: number; centre?: LatLng },
): Promise<{ deliveryId: string; pickupId: string; dropoffId: string }[]> {
  const out: { deliveryId: string; pickupId: string; dropoffId: string }[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const due = options.from + Math.round((options.spreadMs * i) / Math.max(1, count));
      const p = pointNear(options.centre ?? LYON, i * 2);
      const d = pointNear(options.centre ?? LYON, i * 2 + 1 + 37);
      const delivery = await api.call<{ id: string; tasks: { id: string }[] }>('POST', '/api/dispatch/deliveries', {
        reference: `${options.prefix}-${String(i + 1).padStart(4, '0')}`,
        tasks: [
          {
            kind: 'pickup',
            address: `${10 + (i % 90)} rue de la République, 69002 Lyon`,
            ...p,
            before: new Date(due).toISOString(),
          },
          {
            kind: 'dropoff',
            address: `${1 + (i % 120)} cours Lafayette, 69003 Lyon`,
            ...d,
            before: new Date(due + 45 * 60_000).toISOString(),
          },
        ],
      });
      out[i] = {
        deliveryId: delivery.id,
        pickupId: delivery.tasks[0]?.id ?? '',
        dropoffId: delivery.tasks[1]?.id ?? '',
      };
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, () => worker()));
  return out;
}

export async function readBoard(api: ApiSession, date: string): Promise<BoardView> {
  return api.call<BoardView>('GET', `/api/dispatch/board?date=${date}`);
}

/**
 * Drags with the mouse the way a person does (press, move past the CDK threshold in steps,
 * release over the target): returns Date.now() just before the release.
 */
export async function dragTo(page: Page, source: string, target: string): Promise<number> {
  const from = await page.locator(source).first().boundingBox();
  const to = await page.locator(target).first().boundingBox();
  if (!from || !to) throw new Error(`cannot drag ${source} → ${target}: not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(30, to.height / 2), { steps: 8 });
  const at = Date.now();
  await page.mouse.up();
  return at;
}
