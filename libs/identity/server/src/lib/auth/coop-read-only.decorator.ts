import { SetMetadata } from '@nestjs/common';

export const ALLOWED_WHILE_COOP_READ_ONLY = 'fc:allowed-while-coop-read-only';

/**
 * Marks a write that a person of a suspended or offboarding (read-only) coop may still make,
 * because it changes nothing of the coop: signing out, switching to another coop. Every other
 * write of a coop token is refused with 403 COOP_SUSPENDED by the access guard; writes that
 * the caller's platform roles allow on their own (the federation's) are never refused.
 */
export const AllowedWhileCoopReadOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_WHILE_COOP_READ_ONLY, true);
