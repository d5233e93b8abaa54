import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateOrderingSampleDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'First sample' })
  @IsString()
  @Length(1, 120)
  label!: string;
}

export class OrderingSampleView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class OrderingSamplePage {
  @ApiProperty({ type: [OrderingSampleView] })
  items!: OrderingSampleView[];

  @ApiProperty()
  total!: number;
}
