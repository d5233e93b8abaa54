import { Component } from '@angular/core';
import { RouterModule } from '@angular/router';

@Component({
  imports: [RouterModule],
  selector: 'fc-root',
  template: '<router-outlet />',
})
export class App {}
