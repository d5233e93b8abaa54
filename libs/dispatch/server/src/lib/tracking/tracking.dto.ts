import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_STATES,
  TRACKING_STEPS,
  type DeliveryState,
  type TrackingProof,
  type TrackingStep,
  type TrackingTimelineEntry,
  type TrackingView,
} from '@federacycle/contracts';

export class TrackingTimelineEntryDto implements TrackingTimelineEntry {
  @ApiProperty({ enum: TRACKING_STEPS }) step!: TrackingStep;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: not yet' }) at!: string | null;
}

export class TrackingDropoffDto {
  @ApiProperty() address!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) after!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) before!: string | null;
}

export class TrackingEtaDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['position', 'window'] }) basis!: 'position' | 'window';
}

export class TrackingCourierDto {
  @ApiProperty({ description: 'first name only' }) firstName!: string;
  @ApiProperty({ nullable: true, type: Number }) lat!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lng!: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) at!: string | null;
}

export class TrackingProofDto implements TrackingProof {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['photo', 'signature'] }) kind!: 'photo' | 'signature';
  @ApiProperty({ description: 'the image, through this tracking token' }) url!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TrackingViewDto implements TrackingView {
  @ApiProperty() coopName!: string;
  @ApiProperty({ enum: DELIVERY_STATES }) state!: DeliveryState;
  @ApiProperty({ type: [TrackingTimelineEntryDto] }) timeline!: TrackingTimelineEntry[];
  @ApiProperty({ type: TrackingDropoffDto }) dropoff!: TrackingDropoffDto;
  @ApiProperty({ type: TrackingEtaDto, nullable: true }) eta!: TrackingEtaDto | null;
  @ApiProperty({ type: TrackingCourierDto, nullable: true, description: 'only while the dropoff is under way' })
  courier!: TrackingCourierDto | null;
  @ApiProperty({ type: [TrackingProofDto], description: 'proof of delivery, only once the delivery is completed' })
  proofs!: TrackingProof[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the code to give the courier: only while under way and when the coop's dropoff policy is `code`",
  })
  handoverCode!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
