import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import passport from 'passport';
import { ApiException } from '@federacycle/platform-http';
import { AccessTokenStrategy } from './access-token.strategy';
import type { AuthStrategy, Authentication } from './authentication';

type PassportMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The API's authentication strategies, by passport name, in a passport `Authenticator` of this
 * app's own (not passport's global singleton: two apps in one process never share strategies).
 * Today: 'jwt' (access tokens, `Authorization: Bearer`). A partner strategy (API key, OAuth2
 * client credentials) is a passport strategy implementing `AuthStrategy`, injected here and
 * registered with its scheme; the access guard picks the strategy by the `Authorization` scheme.
 */
@Injectable()
export class AuthStrategyRegistry {
  private readonly authenticator = new passport.Passport();
  private readonly byScheme = new Map<string, AuthStrategy>();
  private readonly byName = new Map<string, AuthStrategy>();

  constructor(@Inject(AccessTokenStrategy) accessTokens: AccessTokenStrategy) {
    this.register(accessTokens);
  }

  private register(strategy: AuthStrategy): void {
    if (this.byName.has(strategy.name) || this.byScheme.has(strategy.scheme.toLowerCase())) {
      throw new Error(`authentication strategy ${strategy.name} (${strategy.scheme}) is registered twice`);
    }
    this.authenticator.use(strategy.name, strategy);
    this.byName.set(strategy.name, strategy);
    this.byScheme.set(strategy.scheme.toLowerCase(), strategy);
  }

  /** the registered names (docs, tests) */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The strategy reading an `Authorization` header of this scheme, or none. */
  forHeader(authorization: string): AuthStrategy | undefined {
    const space = authorization.indexOf(' ');
    return this.byScheme.get((space < 0 ? authorization : authorization.slice(0, space)).toLowerCase());
  }

  /**
   * Runs a strategy through passport on the request: resolves with its `Authentication`,
   * rejects with the strategy's refusal (401) or the error its `validate()` threw.
   */
  authenticate(name: string, req: IncomingMessage, res: ServerResponse): Promise<Authentication> {
    const strategy = this.byName.get(name);
    if (!strategy) return Promise.reject(new Error(`no authentication strategy named ${name}`));
    return new Promise<Authentication>((resolve, reject) => {
      const middleware = this.authenticator.authenticate(
        name,
        { session: false },
        (error: unknown, user: Authentication | false | null, info: unknown) => {
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
