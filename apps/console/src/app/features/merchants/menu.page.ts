import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CdkDrag, CdkDragHandle, CdkDropList, moveItemInArray, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type {
  CategoryView,
  FieldError,
  MenuDocument,
  MenuView,
  MerchantView,
  ProductInput,
  ProductView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { MerchantsApi } from './data/merchants-api';
import { formatMoney } from './merchant-format';
import { ProductFormComponent } from './product-form.component';

type Editing = { categoryId: string; product: ProductView | null } | null;

/**
 * Container: a merchant's menu. "Stock" mode is the staff member's phone view: every product and
 * option with a large toggle (one tap: out of stock, one tap: back). "Edit" mode builds the menu:
 * categories and products dragged into order (Angular CDK), products with option groups, images,
 * JSON import and export.
 */
@Component({
  selector: 'fc-menu-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ProductFormComponent,
  ],
  templateUrl: './menu.page.html',
  styleUrl: './menu.page.scss',
})
export class MenuPage implements OnInit {
  readonly id = input.required<string>();
  /** `?mode=stock` opens the stock toggles (the staff member's home card links there) */
  readonly mode = input<string | undefined>(undefined);
  private readonly api = inject(MerchantsApi);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly merchant = signal<MerchantView | null>(null);
  protected readonly menu = signal<MenuView | null>(null);
  protected readonly view = signal<'stock' | 'edit'>('stock');
  protected readonly error = signal<string | null>(null);
  protected readonly editing = signal<Editing>(null);
  protected readonly formProblem = signal<string | null>(null);
  protected readonly formErrors = signal<FieldError[]>([]);
  protected readonly newCategory = signal('');
  protected readonly canEdit = computed(() => this.auth.ability().can('update', 'Menu'));
  protected readonly images = signal<Record<string, string>>({});

  ngOnInit(): void {
    const staffOnly = this.auth.principal()?.roles.every((r) => r === 'merchant_staff') ?? false;
    this.view.set(this.mode() === 'edit' || (!staffOnly && this.mode() !== 'stock') ? 'edit' : 'stock');
    if (!this.canEdit()) this.view.set('stock');
    this.api.get(this.id()).subscribe({
      next: (m) => this.merchant.set(m),
      error: (e: unknown) => this.error.set(toProblemText(this.t, e)),
    });
    this.reload();
  }

  protected reload(): void {
    this.api.menu(this.id()).subscribe({
      next: (menu) => {
        this.menu.set(menu);
        this.loadImages(menu);
      },
      error: (e: unknown) => this.error.set(toProblemText(this.t, e)),
    });
  }

  private loadImages(menu: MenuView): void {
    for (const p of menu.categories.flatMap((c) => c.products)) {
      if (!p.imageUrl || this.images()[p.imageUrl]) continue;
      const url = p.imageUrl;
      this.api.image(url).subscribe({
        next: (blob) => this.images.update((all) => ({ ...all, [url]: URL.createObjectURL(blob) })),
        error: () => undefined,
      });
    }
  }

  protected price(amount: number): string {
    return formatMoney(amount, this.menu()?.currency ?? 'EUR', this.i18n.locale());
  }

  protected delta(amount: number): string {
    return amount === 0 ? '' : `${amount > 0 ? '+' : '−'}${this.price(Math.abs(amount))}`;
  }

  // ---- stock ----
  protected toggleProduct(product: ProductView, available: boolean): void {
    this.patchProduct(product.id, { available });
    this.api.setProductStock(this.id(), product.id, available).subscribe({
      next: () =>
        this.snackBar.open(
          this.t(available ? 'menu.backInStock' : 'menu.nowOutOfStock', { name: product.name }),
          undefined,
          { duration: 2500 },
        ),
      error: (e: unknown) => {
        this.patchProduct(product.id, { available: !available });
        this.error.set(toProblemText(this.t, e));
      },
    });
  }

  protected toggleOption(optionId: string, available: boolean): void {
    this.api.setOptionStock(this.id(), optionId, available).subscribe({
      next: () => this.reload(),
      error: (e: unknown) => this.error.set(toProblemText(this.t, e)),
    });
  }

  private patchProduct(productId: string, patch: Partial<ProductView>): void {
    this.menu.update((menu) =>
      menu
        ? {
            ...menu,
            categories: menu.categories.map((c) => ({
              ...c,
              products: c.products.map((p) => (p.id === productId ? { ...p, ...patch } : p)),
            })),
          }
        : menu,
    );
  }

  // ---- edit ----
  protected addCategory(): void {
    const name = this.newCategory().trim();
    if (!name) return;
    this.run(this.api.createCategory(this.id(), name), () => this.newCategory.set(''));
  }

  protected renameCategory(category: CategoryView, name: string): void {
    if (name.trim() && name.trim() !== category.name)
      this.run(this.api.renameCategory(this.id(), category.id, name.trim()));
  }

  protected deleteCategory(category: CategoryView): void {
    this.run(this.api.deleteCategory(this.id(), category.id));
  }

  protected dropCategory(event: CdkDragDrop<CategoryView[]>): void {
    const menu = this.menu();
    if (!menu || event.previousIndex === event.currentIndex) return;
    const categories = [...menu.categories];
    moveItemInArray(categories, event.previousIndex, event.currentIndex);
    this.menu.set({ ...menu, categories });
    this.run(
      this.api.reorderCategories(
        this.id(),
        categories.map((c) => c.id),
      ),
    );
  }

  protected dropProduct(category: CategoryView, event: CdkDragDrop<ProductView[]>): void {
    const menu = this.menu();
    if (!menu || event.previousIndex === event.currentIndex) return;
    const products = [...category.products];
    moveItemInArray(products, event.previousIndex, event.currentIndex);
    this.menu.set({ ...menu, categories: menu.categories.map((c) => (c.id === category.id ? { ...c, products } : c)) });
    this.run(
      this.api.reorderProducts(
        this.id(),
        category.id,
        products.map((p) => p.id),
      ),
    );
  }

  /** Keyboard alternative to dragging: move one place up or down. */
  protected moveCategory(index: number, by: -1 | 1): void {
    const menu = this.menu();
    if (!menu || index + by < 0 || index + by >= menu.categories.length) return;
    this.dropCategory({ previousIndex: index, currentIndex: index + by } as CdkDragDrop<CategoryView[]>);
  }

  protected moveProduct(category: CategoryView, index: number, by: -1 | 1): void {
    if (index + by < 0 || index + by >= category.products.length) return;
    this.dropProduct(category, { previousIndex: index, currentIndex: index + by } as CdkDragDrop<ProductView[]>);
  }

  protected edit(categoryId: string, product: ProductView | null): void {
    this.formProblem.set(null);
    this.formErrors.set([]);
    this.editing.set({ categoryId, product });
  }

  protected saveProduct(body: ProductInput): void {
    const editing = this.editing();
    if (!editing) return;
    const request = editing.product
      ? this.api.updateProduct(this.id(), editing.product.id, body)
      : this.api.createProduct(this.id(), body);
    request.subscribe({
      next: () => {
        this.editing.set(null);
        this.reload();
      },
      error: (e: unknown) => {
        this.formProblem.set(toProblemText(this.t, e));
        this.formErrors.set(toApiProblem(e).fieldErrors);
      },
    });
  }

  /** The rename prompt (a dialog would be kinder; the browser's prompt is keyboard-accessible). */
  protected prompt(current: string): string | null {
    return window.prompt(this.t('menu.renamePrompt'), current);
  }

  protected deleteProduct(product: ProductView): void {
    this.run(this.api.deleteProduct(this.id(), product.id));
  }

  protected upload(product: ProductView, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.run(this.api.uploadImage(this.id(), product.id, file));
  }

  protected exportMenu(): void {
    this.api.exportMenu(this.id()).subscribe({
      next: (doc) => {
        const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `${(this.merchant()?.name ?? 'menu').replace(/[^\w-]+/g, '-')}.menu.json`;
        a.click();
        URL.revokeObjectURL(a.href);
      },
      error: (e: unknown) => this.error.set(toProblemText(this.t, e)),
    });
  }

  protected async importMenu(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    let doc: MenuDocument;
    try {
      doc = JSON.parse(await file.text()) as MenuDocument;
    } catch {
      this.error.set(this.t('error.MENU_IMPORT_INVALID'));
      return;
    }
    this.run(this.api.importMenu(this.id(), doc));
  }

  private run(request: Observable<unknown>, done?: () => void): void {
    this.error.set(null);
    request.subscribe({
      next: () => {
        done?.();
        this.reload();
      },
      error: (e: unknown) => {
        this.error.set(toProblemText(this.t, e));
        this.reload();
      },
    });
  }
}
