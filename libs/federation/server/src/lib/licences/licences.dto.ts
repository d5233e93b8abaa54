import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type {
  CoopLicenceResponse,
  LicenceStatus,
  LicenceVerificationResponse,
  LicenceVerificationStatus,
  LicenceView,
  StandingCode,
  StandingMode,
  StandingView,
  VerifyLicenceRequest,
} from '@federacycle/contracts';
import { MAX_LICENCE_TOKEN_LENGTH } from '../licence/licence-verifier';

const STANDING_MODES: StandingMode[] = ['licensed', 'grace', 'sandbox', 'restricted'];
const STANDING_CODES: StandingCode[] = [
  'LICENCE_REQUIRED',
  'LICENCE_EXPIRED',
  'COOP_SUSPENDED',
  'COOP_NOT_WORKER_OWNED',
];
const VERIFICATION_STATUSES: LicenceVerificationStatus[] = [
  'valid',
  'expired',
  'revoked',
  'unknown_key',
  'bad_signature',
  'bad_algorithm',
  'malformed',
  'not_yet_valid',
];

export class LicenceViewDto implements LicenceView {
  @ApiProperty({ format: 'uuid', description: 'the JWS jti' }) id!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ description: 'the compact JWS: anyone can verify it with the published keys' }) token!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status!: LicenceStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

export class StandingWarningDto {
  @ApiProperty({ enum: STANDING_CODES }) code!: StandingCode;
  @ApiProperty() message!: string;
}

export class StandingViewDto implements StandingView {
  @ApiProperty({ enum: STANDING_MODES }) mode!: StandingMode;
  @ApiProperty({ enum: STANDING_CODES, nullable: true }) code!: StandingCode | null;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [StandingWarningDto] }) warnings!: StandingWarningDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) graceEndsAt!: string | null;
}

export class WorkerOwnershipDto {
  @ApiProperty({ nullable: true, type: Number }) share!: number | null;
  @ApiProperty() threshold!: number;
  @ApiProperty() activeCouriers!: number;
  @ApiProperty() memberCouriers!: number;
}

export class CoopLicenceResponseDto implements CoopLicenceResponse {
  @ApiProperty({ type: StandingViewDto }) standing!: StandingViewDto;
  @ApiProperty({ type: LicenceViewDto, nullable: true }) licence!: LicenceViewDto | null;
  @ApiProperty({ description: 'public page where anyone can paste and check the licence' }) verifyUrl!: string;
  @ApiProperty({ type: WorkerOwnershipDto, nullable: true }) workerOwnership!: WorkerOwnershipDto | null;
}

/** POST /api/public/licences/verify */
export class VerifyLicenceDto implements VerifyLicenceRequest {
  @ApiProperty({ maxLength: MAX_LICENCE_TOKEN_LENGTH * 2, description: 'the licence text (compact JWS)' })
  @IsString({ message: 'Paste the licence as text (at most 8 KB).' })
  @MaxLength(MAX_LICENCE_TOKEN_LENGTH * 2, { message: 'Paste the licence as text (at most 8 KB).' })
  licence!: string;
}

export class LicenceClaimsCoopDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() legalForm!: string;
  @ApiProperty() country!: string;
  @ApiProperty() registration!: string;
}

export class LicenceClaimsDto {
  @ApiProperty({ type: LicenceClaimsCoopDto }) coop!: LicenceClaimsCoopDto;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class LicenceVerificationDto implements LicenceVerificationResponse {
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: LicenceVerificationStatus;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() kid?: string;
  @ApiPropertyOptional({ type: LicenceClaimsDto }) claims?: LicenceClaimsDto;
}

export class PublicJwkDto {
  @ApiProperty({ enum: ['OKP'] }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv!: 'Ed25519';
  @ApiProperty({ description: 'the raw public key, base64url' }) x!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ enum: ['sig'] }) use!: 'sig';
  @ApiProperty({ enum: ['EdDSA'] }) alg!: 'EdDSA';
}

export class JwksDto {
  @ApiProperty({ type: [PublicJwkDto] }) keys!: PublicJwkDto[];
}

export class RotatedKeyDto {
  @ApiProperty({ description: 'the new active key id' }) kid!: string;
}
