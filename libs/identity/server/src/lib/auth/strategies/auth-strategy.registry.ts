import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import passport from 'passport';
import { ApiException } from '@federacycle/platform-http';
import { AccessTokenStrategy } from './access-token.strategy';
import type { AuthStrategy, Authentication, PartnerAuthStrategy, PartnerAuthentication } from './authentication';

type PassportMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
type Refusing = { refusal(info: unknown): ApiException };

/** The answer of a partner route to a request without a partner credential it can read. */
export function partnerCredentialsInvalid(): ApiException {
  return new ApiException(
    401,
    'PARTNER_CREDENTIALS_INVALID',
    'Send a valid partner API key (Authorization: Bearer fcp_… or X-Api-Key) or a partner access token',
  );
}

/**
 * The API's authentication strategies, by passport name, in a passport `Authenticator` of this
 * app's own (not passport's global singleton: two apps in one process never share strategies).
 * People: 'jwt' (access tokens, `Authorization: Bearer`), chosen by the `Authorization` scheme.
 * Partners (partner routes only): the strategies the ordering domain registers when its module
 * starts (`registerPartner`: API keys, OAuth2 partner tokens), chosen by what the request carries.
 * The two sets never mix: a person route never asks a partner strategy, and the other way round.
 */
@Injectable()
export class AuthStrategyRegistry {
  private readonly authenticator = new passport.Passport();
  private readonly byScheme = new Map<string, AuthStrategy>();
  private readonly byName = new Map<string, AuthStrategy | PartnerAuthStrategy>();
  private readonly people = new Map<string, AuthStrategy>();
  private readonly partners: PartnerAuthStrategy[] = [];

  constructor(@Inject(AccessTokenStrategy) accessTokens: AccessTokenStrategy) {
    this.register(accessTokens);
  }

  private register(strategy: AuthStrategy): void {
    if (this.byName.has(strategy.name) || this.byScheme.has(strategy.scheme.toLowerCase())) {
      throw new Error(`authentication strategy ${strategy.name} (${strategy.scheme}) is registered twice`);
    }
    this.authenticator.use(strategy.name, strategy);
    this.byName.set(strategy.name, strategy);
    this.people.set(strategy.name, strategy);
    this.byScheme.set(strategy.scheme.toLowerCase(), strategy);
  }

  /** Adds a partner strategy (the ordering module, at start). */
  registerPartner(strategy: PartnerAuthStrategy): void {
    if (this.byName.has(strategy.name)) throw new Error(`authentication strategy ${strategy.name} is registered twice`);
    this.authenticator.use(strategy.name, strategy);
    this.byName.set(strategy.name, strategy);
    this.partners.push(strategy);
  }

  /** the registered names (docs, tests) */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The person strategy reading an `Authorization` header of this scheme, or none. */
  forHeader(authorization: string): AuthStrategy | undefined {
    const space = authorization.indexOf(' ');
    return this.byScheme.get((space < 0 ? authorization : authorization.slice(0, space)).toLowerCase());
  }

  /**
   * Runs a person strategy through passport on the request: resolves with its `Authentication`,
   * rejects with the strategy's refusal (401) or the error its `validate()` threw.
   */
  authenticate(name: string, req: IncomingMessage, res: ServerResponse): Promise<Authentication> {
    const strategy = this.people.get(name);
    if (!strategy) return Promise.reject(new Error(`no authentication strategy named ${name}`));
    return this.run<Authentication>(strategy, req, res);
  }

  /**
   * Authenticates a partner route's request with the first partner strategy that reads its
   * credential; none: 401 PARTNER_CREDENTIALS_INVALID.
   */
  authenticatePartner(req: IncomingMessage, res: ServerResponse): Promise<PartnerAuthentication> {
    const strategy = this.partners.find((s) => s.accepts(req));
    if (!strategy) return Promise.reject(partnerCredentialsInvalid());
    return this.run<PartnerAuthentication>(strategy, req, res);
  }

  private run<T>(
    strategy: (AuthStrategy | PartnerAuthStrategy) & Refusing,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const middleware = this.authenticator.authenticate(
        strategy.name,
        { session: false },
        (error: unknown, user: T | false | null, info: unknown) => {
          if (error) reject(error);
          else if (!user) reject(strategy.refusal(info));
          else resolve(user);
        },
      ) as PassportMiddleware;
      middleware(req, res, (error?: unknown) =>
        reject(error ?? new ApiException(401, 'UNAUTHENTICATED', 'Sign in first')),
      );
    });
  }
}
