import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  MAX_WEBHOOK_URL_LENGTH,
  WEBHOOK_DELIVERY_STATES,
  WEBHOOK_EVENTS,
  WEBHOOK_FLAVOURS,
  WEBHOOK_SUBSCRIPTION_STATES,
  type CreateWebhookSubscriptionRequest,
  type RotateWebhookSecretRequest,
  type UpdateWebhookSubscriptionRequest,
  type WebhookAttemptView,
  type WebhookDeliveryState,
  type WebhookDeliveryView,
  type WebhookEventName,
  type WebhookFlavour,
  type WebhookSubscriptionState,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
} from '@federacycle/contracts';

export class CreateWebhookSubscriptionDto implements CreateWebhookSubscriptionRequest {
  @ApiProperty({ maxLength: MAX_WEBHOOK_URL_LENGTH, example: 'https://shop.example.org/hooks/federacycle' })
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['delivery.picked_up', 'delivery.completed'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: WebhookEventName[];
}

export class UpdateWebhookSubscriptionDto implements UpdateWebhookSubscriptionRequest {
  @ApiPropertyOptional({ maxLength: MAX_WEBHOOK_URL_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEventName[];

  @ApiPropertyOptional({ description: 'false: send nothing; true: send again (clears failing)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateWebhookSecretDto implements RotateWebhookSecretRequest {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1440,
    default: 0,
    description: 'minutes the previous secret keeps signing too',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  overlapMinutes?: number;
}

export class WebhookSubscriptionViewDto implements WebhookSubscriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId!: string | null;
  @ApiProperty({ nullable: true, type: String }) clientName!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: WebhookEventName[];
  @ApiProperty({ enum: WEBHOOK_FLAVOURS }) flavour!: WebhookFlavour;
  @ApiProperty({ enum: WEBHOOK_SUBSCRIPTION_STATES }) state!: WebhookSubscriptionState;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failingSince!: string | null;
  @ApiProperty({ example: 'whsec_Ab3d…' }) secretHint!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) previousSecretUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookSubscriptionWithSecretDto
  extends WebhookSubscriptionViewDto
  implements WebhookSubscriptionWithSecret
{
  @ApiProperty({ description: 'shown this once: store it to verify signatures' }) secret!: string;
}

export class WebhookSubscriptionPage {
  @ApiProperty({ type: [WebhookSubscriptionViewDto] }) items!: WebhookSubscriptionViewDto[];
  @ApiProperty() total!: number;
}

export class WebhookAttemptViewDto implements WebhookAttemptView {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: String }) responseExcerpt!: string | null;
  @ApiProperty() replay!: boolean;
}

export class WebhookDeliveryViewDto implements WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event!: WebhookEventName;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) deliveryId!: string | null;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATES }) state!: WebhookDeliveryState;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastDurationMs!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ description: 'the exact body signed and sent' }) requestBody!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [WebhookAttemptViewDto] }) history!: WebhookAttemptViewDto[];
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryViewDto] }) items!: WebhookDeliveryViewDto[];
  @ApiProperty() total!: number;
}

export class ReplayAcceptedDto {
  @ApiProperty({ format: 'uuid' }) webhookDeliveryId!: string;
  @ApiProperty({ description: 'the replay is queued: the log shows its attempt once made' }) queued!: boolean;
}

/** A route without a body still refuses unknown fields. */
export class WebhookEmptyBodyDto {}
