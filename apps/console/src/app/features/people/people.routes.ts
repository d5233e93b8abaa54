import type { Route } from '@angular/router';

export const peopleRoutes: Route[] = [
  { path: '', title: 'people.title', loadComponent: () => import('./people.page').then((m) => m.PeoplePage) },
];
