import type { Route } from '@angular/router';

export const peopleRoutes: Route[] = [
  { path: '', loadComponent: () => import('./people.page').then((m) => m.PeoplePage) },
];
