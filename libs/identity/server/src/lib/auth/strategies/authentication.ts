import type { Precondition } from '@federacycle/platform-database';
import type { ApiException } from '@federacycle/platform-http';
import type { Strategy } from 'passport';
import type { Caller } from '../current-principal.decorator';

/**
 * What a strategy's `validate()` hands the access guard: who calls, and the statement that
 * proves the credential still holds now. The guard defers a read's check to the request's
 * first unit of work (same round trip, ahead of the work) and runs a write's before its handler.
 */
export interface Authentication {
  /** the strategy that vouched for the caller ('jwt', later 'partner-api-key', ...) */
  readonly strategy: string;
  readonly caller: Caller;
  /**
   * A statement that raises when the credential no longer holds (a new Precondition each
   * call). `coopWrite`: the request writes to the caller's coop, whose standing must then allow
   * writes too (a suspended or offboarding coop is read-only): checked in the same statement.
   */
  check(coopWrite: boolean): Precondition;
}

/**
 * An authentication strategy of the API: a passport strategy (its `validate()` returns an
 * `Authentication`) registered in `AuthStrategyRegistry` under its passport name, for the
 * `Authorization` scheme it reads.
 */
export interface AuthStrategy extends Strategy {
  /** passport's name of the strategy: 'jwt'; later 'partner-api-key', 'partner-client-credentials' */
  readonly name: string;
  /** the `Authorization` scheme it reads, e.g. 'Bearer' */
  readonly scheme: string;
  /** the answer when passport reports a failure (no credential, bad signature, expired, ...) */
  refusal(info: unknown): ApiException;
}
