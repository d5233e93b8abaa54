import type { PartnerPrincipal } from '@federacycle/contracts';
import type { Precondition } from '@federacycle/platform-database';
import type { ApiException } from '@federacycle/platform-http';
import type { IncomingMessage } from 'node:http';
import type { Strategy } from 'passport';
import type { Caller } from '../current-principal.decorator';

/**
 * What a person strategy's `validate()` hands the access guard: who calls, and the statement that
 * proves the credential still holds now. The guard defers a read's check to the request's
 * first unit of work (same round trip, ahead of the work) and runs a write's before its handler.
 */
export interface Authentication {
  /** the strategy that vouched for the caller ('jwt') */
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
 * What a partner strategy's `validate()` hands the access guard on a partner route: the partner
 * client, and the statement that proves the credential is still live (a `passed` precondition
 * when the strategy has just read it live, as the API-key lookup does).
 */
export interface PartnerAuthentication {
  /** 'partner-api-key', 'partner-token' */
  readonly strategy: string;
  readonly partner: PartnerPrincipal;
  check(): Precondition;
}

/**
 * An authentication strategy of the API for people: a passport strategy (its `validate()` returns
 * an `Authentication`) registered in `AuthStrategyRegistry` under its passport name, for the
 * `Authorization` scheme it reads.
 */
export interface AuthStrategy extends Strategy {
  /** passport's name of the strategy: 'jwt' */
  readonly name: string;
  /** the `Authorization` scheme it reads, e.g. 'Bearer' */
  readonly scheme: string;
  /** the answer when passport reports a failure (no credential, bad signature, expired, ...) */
  refusal(info: unknown): ApiException;
}

/**
 * An authentication strategy for partner routes only (`{ partner: scope }` permissions): a
 * passport strategy whose `validate()` returns a `PartnerAuthentication`. The registry asks each
 * registered partner strategy, in order, whether the request carries its kind of credential.
 */
export interface PartnerAuthStrategy extends Strategy {
  readonly name: string;
  /** does the request carry this strategy's kind of credential (e.g. `Bearer fcp_…`, `X-Api-Key`)? */
  accepts(request: IncomingMessage): boolean;
  refusal(info: unknown): ApiException;
}
