import { readFileSync } from 'node:fs';
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

/**
 * Test stacks only (NODE_ENV=test with CLOCK_OFFSET_FILE set): the real time plus the number of
 * milliseconds written in that file, read at every call, so a browser journey moves the time of
 * the API and the worker at once (a proposal's close, a licence's grace period). A missing or
 * unreadable file is no offset.
 */
export class OffsetFileClock implements Clock {
  constructor(private readonly file: string) {}

  now(): Date {
    let offset = 0;
    try {
      const parsed = Number.parseInt(readFileSync(this.file, 'utf8').trim(), 10);
      if (Number.isFinite(parsed)) offset = parsed;
    } catch {
      offset = 0;
    }
    return new Date(Date.now() + offset);
  }
}

/** The clock of an app: the system's, or in a test stack the {@link OffsetFileClock}. */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const file = env['CLOCK_OFFSET_FILE'];
  return env['NODE_ENV'] === 'test' && file ? new OffsetFileClock(file) : new SystemClock();
}
