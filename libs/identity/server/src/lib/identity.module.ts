import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { AccessGuard } from './auth/access.guard';
import { AccessTokenService } from './auth/access-token.service';
import { AccessTokenStrategy } from './auth/strategies/access-token.strategy';
import { AuthStrategyRegistry } from './auth/strategies/auth-strategy.registry';
import { AuthController } from './auth/auth.controller';
import { PasswordResetService } from './auth/password-reset.service';
import { CoopsController } from './coops/coops.controller';
import { CoopsService } from './coops/coops.service';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { MailService } from './mail/mail.service';
import { MembersController } from './members/members.controller';
import { IDENTITY_EXPORT_TABLES } from './members/identity-export';
import { MembersService } from './members/members.service';
import { SessionsService } from './sessions/sessions.service';
import { IDENTITY_ENTITIES } from './identity.entities';
import { DEFAULT_IDENTITY_OPTIONS, IDENTITY_OPTIONS } from './shared/identity-options';
import { ThrottleService } from './throttle/throttle.service';
import { AcceptInvitationUseCase } from './usecases/accept-invitation/accept-invitation.usecase';
import { RefreshSessionUseCase } from './usecases/refresh-session/refresh-session.usecase';
import { SignInUseCase } from './usecases/sign-in/sign-in.usecase';

/**
 * Identity and access: users, sessions, memberships, invitations, coops (federation
 * admin), and the global guard that every route of the API passes through.
 * Needs the global ConfigModule, DatabaseModule and RedisModule of the host app.
 */
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController, MembersController, InvitationsController, CoopsController],
  providers: [
    { provide: IDENTITY_OPTIONS, useValue: DEFAULT_IDENTITY_OPTIONS },
    AccessTokenService,
    SessionsService,
    AccessTokenStrategy,
    AuthStrategyRegistry,
    ThrottleService,
    MailService,
    PasswordResetService,
    SignInUseCase,
    RefreshSessionUseCase,
    AcceptInvitationUseCase,
    MembersService,
    InvitationsService,
    CoopsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionsService, AccessTokenService, AuthStrategyRegistry],
})
export class IdentityModule implements OnModuleInit {
  constructor(@Inject(CoopExportRegistry) private readonly exports: CoopExportRegistry) {}

  onModuleInit(): void {
    this.exports.register('identity', IDENTITY_EXPORT_TABLES);
  }
}
