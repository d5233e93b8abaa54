import { Body, Controller, Get, HttpCode, Inject, Ip, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MeResponse, SessionResponse } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { Access, ApiException } from '@federacycle/platform-http';
import { SessionsService, summaries, toPrincipal } from '../sessions/sessions.service';
import { RefreshSessionUseCase } from '../usecases/refresh-session/refresh-session.usecase';
import { User } from '../users/user.entity';
import { SignInUseCase } from '../usecases/sign-in/sign-in.usecase';
import {
  ForgotPasswordDto,
  MeResponseDto,
  RefreshDto,
  ResetPasswordDto,
  SessionResponseDto,
  SignInDto,
  SwitchCoopDto,
  UpdateMeDto,
} from './auth.dto';
import { AllowedWhileCoopReadOnly } from './coop-read-only.decorator';
import { CurrentPrincipal, type Caller } from './current-principal.decorator';
import { NoStore } from './no-store.decorator';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SignInUseCase) private readonly signInUseCase: SignInUseCase,
    @Inject(RefreshSessionUseCase) private readonly refreshUseCase: RefreshSessionUseCase,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(PasswordResetService) private readonly passwordReset: PasswordResetService,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  @Access('public')
  @NoStore()
  @ApiOkResponse({ type: SessionResponseDto })
  signIn(@Body() body: SignInDto, @Ip() ip: string): Promise<SessionResponse> {
    return this.signInUseCase.execute({ email: body.email, password: body.password, coopId: body.coopId, ip });
  }

  @Post('refresh')
  @HttpCode(200)
  @Access('public')
  @NoStore()
  @ApiOkResponse({ type: SessionResponseDto })
  refresh(@Body() body: RefreshDto): Promise<SessionResponse> {
    return this.refreshUseCase.execute({ refreshToken: body.refreshToken });
  }

  @Post('sign-out')
  @HttpCode(204)
  @Access('authenticated')
  @AllowedWhileCoopReadOnly()
  @ApiNoContentResponse({ description: 'the session and every token rotated from it are revoked' })
  async signOut(@CurrentPrincipal() principal: Caller): Promise<void> {
    await this.db.platform(async (tx) => {
      const session = await this.sessions.findById(tx, principal.sessionId);
      if (session) await this.sessions.revokeFamily(tx, session.familyId);
    });
  }

  @Post('switch-coop')
  @HttpCode(200)
  @Access('authenticated')
  @AllowedWhileCoopReadOnly()
  @NoStore()
  @ApiOkResponse({ type: SessionResponseDto })
  switchCoop(@CurrentPrincipal() principal: Caller, @Body() body: SwitchCoopDto): Promise<SessionResponse> {
    return this.refreshUseCase.switchCoop({ sessionId: principal.sessionId, coopId: body.coopId.toLowerCase() });
  }

  @Get('me')
  @Access('authenticated')
  @NoStore()
  @ApiOkResponse({ type: MeResponseDto })
  me(@CurrentPrincipal() principal: Caller): Promise<MeResponse> {
    return this.db.platform(async (tx) => {
      const user = await this.sessions.findUser(tx, principal.userId);
      if (!user) throw new ApiException(401, 'SESSION_REVOKED', 'This session has ended; sign in again');
      const memberships = await this.sessions.memberships(tx, principal.userId);
      return {
        principal: toPrincipal(user, principal.coopId, memberships, principal.sessionId),
        memberships: summaries(memberships),
      };
    });
  }

  /** The person's own preferences (today: their language); answers the me view as it now is. */
  @Patch('me')
  @HttpCode(200)
  @Access('authenticated')
  @AllowedWhileCoopReadOnly()
  @NoStore()
  @ApiOkResponse({ type: MeResponseDto })
  updateMe(@CurrentPrincipal() principal: Caller, @Body() body: UpdateMeDto): Promise<MeResponse> {
    return this.db.platform(async (tx) => {
      await tx.manager.update(User, { id: principal.userId }, { locale: body.locale, updatedAt: new Date() });
      const user = await this.sessions.findUser(tx, principal.userId);
      if (!user) throw new ApiException(401, 'SESSION_REVOKED', 'This session has ended; sign in again');
      const memberships = await this.sessions.memberships(tx, principal.userId);
      return {
        principal: toPrincipal(user, principal.coopId, memberships, principal.sessionId),
        memberships: summaries(memberships),
      };
    });
  }

  @Post('forgot-password')
  @HttpCode(202)
  @Access('public')
  @ApiAcceptedResponse({ description: 'always, whether or not the email is registered' })
  async forgotPassword(@Body() body: ForgotPasswordDto, @Ip() ip: string): Promise<void> {
    await this.passwordReset.requestReset(body.email, ip);
  }

  @Post('reset-password')
  @HttpCode(204)
  @Access('public')
  @ApiNoContentResponse({ description: 'password changed; every session of the account ended' })
  async resetPassword(@Body() body: ResetPasswordDto, @Ip() ip: string): Promise<void> {
    // the password policy (with the person's email and name) runs once the link is known, before it is spent
    await this.passwordReset.reset(body.token, body.password, ip);
  }
}
