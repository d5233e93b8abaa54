import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';

/**
 * The secret of an applicant's status page link (`/apply/status/:id?token=`), derived from the
 * application id with an HMAC keyed by the server secret (domain-separated from the JWT use): every
 * mail about the application can carry the link again, while the database keeps only its SHA-256.
 */
@Injectable()
export class ApplicationStatusTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('fc:application-status-token:v1').digest();
  }

  /** 43 URL-safe characters (256 bits) */
  tokenFor(applicationId: string): string {
    return createHmac('sha256', this.key).update(applicationId).digest('base64url');
  }

  /** whether `token` is the derived token of this application (constant time) */
  matches(applicationId: string, token: string): boolean {
    const expected = Buffer.from(this.tokenFor(applicationId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
