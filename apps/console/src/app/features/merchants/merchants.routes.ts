import type { Route } from '@angular/router';
import { abilityGuard } from '../../core/auth/ability.guard';

export const merchantsRoutes: Route[] = [
  { path: '', title: 'merchants.title', loadComponent: () => import('./merchants.page').then((m) => m.MerchantsPage) },
  {
    path: 'new',
    title: 'merchants.new',
    canActivate: [abilityGuard('create', 'Merchant')],
    loadComponent: () => import('./merchant-detail.page').then((m) => m.MerchantDetailPage),
  },
  {
    path: ':id',
    title: 'merchants.detailTitle',
    loadComponent: () => import('./merchant-detail.page').then((m) => m.MerchantDetailPage),
  },
  {
    path: ':id/menu',
    title: 'menu.pageTitle',
    canActivate: [abilityGuard('read', 'Menu')],
    loadComponent: () => import('./menu.page').then((m) => m.MenuPage),
  },
];
