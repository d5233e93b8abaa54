import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ALLERGENS,
  type Allergen,
  type CategoryInput,
  type CategoryView,
  type MenuDocument,
  type MenuOptionView,
  type MenuView,
  type OptionGroupInput,
  type OptionGroupView,
  type OptionInput,
  type ProductInput,
  type ProductView,
  type ReorderRequest,
  type SelectionKind,
  type StockRequest,
} from '@federacycle/contracts';

export class CategoryDto implements CategoryInput {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'Burgers' }) @IsString() @Length(1, 80) name!: string;
}

export class OptionDto implements OptionInput {
  @ApiProperty({ example: 'Extra cheese' }) @IsString() @Length(1, 80) name!: string;
  @ApiProperty({ description: 'minor units added to the price (negative: cheaper)', example: 150 })
  @IsInt()
  @Min(-10000000)
  @Max(10000000)
  priceDelta!: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() available?: boolean;
}

export class OptionGroupDto implements OptionGroupInput {
  @ApiProperty({ example: 'Cooking' }) @IsString() @Length(1, 80) name!: string;
  @ApiProperty({ enum: ['single', 'multiple'] }) @IsIn(['single', 'multiple']) selection!: SelectionKind;
  @ApiProperty({ minimum: 0, maximum: 50 }) @IsInt() @Min(0) @Max(50) minSelect!: number;
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) maxSelect!: number;
  @ApiProperty({ type: [OptionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options!: OptionDto[];
}

/** A product's fields without its category (the import document nests products in categories). */
export class ProductFieldsDto implements Omit<ProductInput, 'categoryId'> {
  @ApiProperty({ example: 'Quenelle de brochet' }) @IsString() @Length(1, 120) name!: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
  @ApiProperty({ minimum: 0, description: 'integer minor units', example: 1450 })
  @IsInt()
  @Min(0)
  @Max(100000000)
  price!: number;
  @ApiProperty({ description: 'basis points from the country’s catalogue (FR: 210, 550, 1000, 2000)', example: 1000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  vatRate!: number;
  @ApiPropertyOptional({ enum: ALLERGENS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALLERGENS, { each: true })
  allergens?: Allergen[];
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() available?: boolean;
  @ApiPropertyOptional({ type: [OptionGroupDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OptionGroupDto)
  optionGroups?: OptionGroupDto[];
}

export class ProductDto extends ProductFieldsDto implements ProductInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() categoryId!: string;
}

/** Only what is sent changes; `optionGroups`, when sent, replaces the product's groups. */
export class UpdateProductDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'moves the product to another category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) name?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000000) price?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) vatRate?: number;
  @ApiPropertyOptional({ enum: ALLERGENS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALLERGENS, { each: true })
  allergens?: Allergen[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() available?: boolean;
  @ApiPropertyOptional({ type: [OptionGroupDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OptionGroupDto)
  optionGroups?: OptionGroupDto[];
}

export class ReorderDto implements ReorderRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'every id of the list, in the new order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class StockDto implements StockRequest {
  @ApiProperty({ description: 'false: out of stock' }) @IsBoolean() available!: boolean;
}

class MenuDocumentCategoryDto {
  @ApiProperty() @IsString() @Length(1, 80) name!: string;
  @ApiProperty({ type: [ProductFieldsDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProductFieldsDto)
  products!: ProductFieldsDto[];
}

export class MenuDocumentDto implements MenuDocument {
  @ApiProperty({ enum: ['federacycle.menu'] }) @Equals('federacycle.menu') format!: 'federacycle.menu';
  @ApiProperty({ enum: [1] }) @Equals(1) version!: 1;
  @ApiProperty({ example: 'EUR' }) @IsString() @Matches(/^[A-Z]{3}$/) currency!: string;
  @ApiProperty({ type: [MenuDocumentCategoryDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MenuDocumentCategoryDto)
  categories!: MenuDocumentCategoryDto[];
}

// ---- answers ----

export class MenuOptionViewDto implements MenuOptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() priceDelta!: number;
  @ApiProperty() available!: boolean;
  @ApiProperty() position!: number;
}

export class OptionGroupViewDto implements OptionGroupView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['single', 'multiple'] }) selection!: SelectionKind;
  @ApiProperty() minSelect!: number;
  @ApiProperty() maxSelect!: number;
  @ApiProperty() position!: number;
  @ApiProperty({ type: [MenuOptionViewDto] }) options!: MenuOptionViewDto[];
}

export class ProductViewDto implements ProductView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() price!: number;
  @ApiProperty() vatRate!: number;
  @ApiProperty({ enum: ALLERGENS, isArray: true }) allergens!: Allergen[];
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
  @ApiProperty() available!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty({ type: [OptionGroupViewDto] }) optionGroups!: OptionGroupViewDto[];
}

export class CategoryViewDto implements CategoryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ type: [ProductViewDto] }) products!: ProductViewDto[];
}

export class MenuViewDto implements MenuView {
  @ApiProperty({ format: 'uuid' }) merchantId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [CategoryViewDto] }) categories!: CategoryViewDto[];
}

export class StockViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() available!: boolean;
}
