import { Injectable } from '@nestjs/common';

/** The time source of the federation services: tests replace `now` to drive grace periods. */
export interface Clock {
  now(): Date;
}

/** Injection token of the {@link Clock}. */
export const CLOCK = Symbol('federation.clock');

/** The real clock (one instance per app: `jest.spyOn(app.get(CLOCK), 'now')` moves time in tests). */
@Injectable()
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** `yyyy-mm-dd` of a date, in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
