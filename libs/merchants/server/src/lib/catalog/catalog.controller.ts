import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CategoryView, MenuDocument, MenuView, ProductView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, type Caller } from '@federacycle/platform-http';
import {
  CategoryDto,
  CategoryViewDto,
  MenuDocumentDto,
  MenuViewDto,
  ProductDto,
  ProductViewDto,
  ReorderDto,
  StockDto,
  StockViewDto,
  UpdateProductDto,
} from './catalog.dto';
import { CatalogService } from './catalog.service';

const READ = { action: 'read', subject: 'Menu' } as const;
const WRITE = { action: 'update', subject: 'Menu' } as const;

/**
 * A merchant's menu: coop admins and the merchant's staff change it, dispatchers read it; staff
 * of another merchant get 404 (the service checks the caller's merchant scope first).
 */
@ApiTags('menus')
@Controller('api/merchants/:merchantId/menu')
export class CatalogController {
  constructor(@Inject(CatalogService) private readonly catalog: CatalogService) {}

  /** The whole menu, in one SQL statement. */
  @Get()
  @Access(READ)
  @ApiOkResponse({ type: MenuViewDto })
  menu(@CurrentPrincipal() caller: Caller, @Param('merchantId', UuidPipe) merchantId: string): Promise<MenuView> {
    return this.catalog.menu(caller, merchantId);
  }

  @Get('export')
  @Access(READ)
  @ApiOkResponse({ type: MenuDocumentDto })
  export(@CurrentPrincipal() caller: Caller, @Param('merchantId', UuidPipe) merchantId: string): Promise<MenuDocument> {
    return this.catalog.exportMenu(caller, merchantId);
  }

  /** Replaces the menu with the document's, all or nothing. */
  @Post('import')
  @HttpCode(200)
  @Access(WRITE)
  @ApiOkResponse({ type: MenuViewDto })
  import(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Body() body: MenuDocumentDto,
  ): Promise<MenuView> {
    return this.catalog.importMenu(caller, merchantId, body);
  }

  @Post('categories')
  @HttpCode(201)
  @Access(WRITE)
  @ApiCreatedResponse({ type: CategoryViewDto })
  createCategory(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Body() body: CategoryDto,
  ): Promise<CategoryView> {
    return this.catalog.createCategory(caller, merchantId, body);
  }

  @Put('categories/order')
  @HttpCode(204)
  @Access(WRITE)
  @ApiNoContentResponse()
  reorderCategories(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Body() body: ReorderDto,
  ): Promise<void> {
    return this.catalog.reorder(caller, merchantId, 'categories', null, body.ids);
  }

  @Patch('categories/:categoryId')
  @Access(WRITE)
  @ApiOkResponse({ type: CategoryViewDto })
  renameCategory(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('categoryId', UuidPipe) categoryId: string,
    @Body() body: CategoryDto,
  ): Promise<CategoryView> {
    return this.catalog.renameCategory(caller, merchantId, categoryId, body);
  }

  @Delete('categories/:categoryId')
  @HttpCode(204)
  @Access(WRITE)
  @ApiNoContentResponse({ description: 'the category, its products and their options are gone' })
  deleteCategory(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('categoryId', UuidPipe) categoryId: string,
  ): Promise<void> {
    return this.catalog.deleteCategory(caller, merchantId, categoryId);
  }

  @Put('categories/:categoryId/products/order')
  @HttpCode(204)
  @Access(WRITE)
  @ApiNoContentResponse()
  reorderProducts(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('categoryId', UuidPipe) categoryId: string,
    @Body() body: ReorderDto,
  ): Promise<void> {
    return this.catalog.reorder(caller, merchantId, 'products', categoryId, body.ids);
  }

  @Post('products')
  @HttpCode(201)
  @Access(WRITE)
  @ApiCreatedResponse({ type: ProductViewDto })
  createProduct(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Body() body: ProductDto,
  ): Promise<ProductView> {
    return this.catalog.createProduct(caller, merchantId, body);
  }

  @Patch('products/:productId')
  @Access(WRITE)
  @ApiOkResponse({ type: ProductViewDto })
  updateProduct(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('productId', UuidPipe) productId: string,
    @Body() body: UpdateProductDto,
  ): Promise<ProductView> {
    return this.catalog.updateProduct(caller, merchantId, productId, body);
  }

  @Delete('products/:productId')
  @HttpCode(204)
  @Access(WRITE)
  @ApiNoContentResponse()
  deleteProduct(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('productId', UuidPipe) productId: string,
  ): Promise<void> {
    return this.catalog.deleteProduct(caller, merchantId, productId);
  }

  /** In stock / out of stock (the staff member's two taps on a phone). */
  @Post('products/:productId/stock')
  @HttpCode(200)
  @Access(WRITE)
  @ApiOkResponse({ type: StockViewDto })
  productStock(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('productId', UuidPipe) productId: string,
    @Body() body: StockDto,
  ): Promise<StockViewDto> {
    return this.catalog.setProductStock(caller, merchantId, productId, body.available);
  }

  @Post('options/:optionId/stock')
  @HttpCode(200)
  @Access(WRITE)
  @ApiOkResponse({ type: StockViewDto })
  optionStock(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('optionId', UuidPipe) optionId: string,
    @Body() body: StockDto,
  ): Promise<StockViewDto> {
    return this.catalog.setOptionStock(caller, merchantId, optionId, body.available);
  }

  @Put('option-groups/:groupId/options/order')
  @HttpCode(204)
  @Access(WRITE)
  @ApiNoContentResponse()
  reorderOptions(
    @CurrentPrincipal() caller: Caller,
    @Param('merchantId', UuidPipe) merchantId: string,
    @Param('groupId', UuidPipe) groupId: string,
    @Body() body: ReorderDto,
  ): Promise<void> {
    return this.catalog.reorder(caller, merchantId, 'options', groupId, body.ids);
  }
}
