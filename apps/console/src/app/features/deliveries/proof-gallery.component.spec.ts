import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { DeliveryProofView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { ProofDialog, ProofGalleryComponent, type ProofDialogData } from './proof-gallery.component';

const DELIVERY = 'd-1';
const proof = (id: string, kind: DeliveryProofView['kind']): DeliveryProofView => ({
  id,
  taskId: 't-1',
  taskKind: 'dropoff',
  kind,
  contentType: 'image/png',
  size: 3,
  courierName: 'Camille Martin',
  createdAt: '2026-12-07T11:42:00Z',
});

@Component({
  imports: [ProofGalleryComponent],
  template: `<fc-proof-gallery [deliveryId]="deliveryId" [proofs]="proofs()" />`,
})
class Host {
  readonly deliveryId = DELIVERY;
  readonly proofs = signal([proof('p-photo', 'photo'), proof('p-sign', 'signature')]);
}

describe('ProofGalleryComponent (a task’s proofs on the delivery page)', () => {
  const opened: Array<{ component: unknown; data: ProofDialogData }> = [];

  beforeEach(() => {
    opened.length = 0;
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MatDialog,
          useValue: {
            open: (component: unknown, config: { data: ProofDialogData }) =>
              opened.push({ component, data: config.data }),
          },
        },
      ],
    });
    TestBed.inject(I18nService).use('en');
  });

  /** FileReader finishes on a later task: wait until the thumbnails are there */
  async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }, root: HTMLElement) {
    for (let i = 0; i < 50 && root.querySelectorAll('img').length < 1; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      fixture.detectChanges();
      await fixture.whenStable();
    }
  }

  it('fetches each image through the delivery’s authenticated route and shows it as a data: URL', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    const photo = http.expectOne(`/api/dispatch/deliveries/${DELIVERY}/proofs/p-photo`);
    expect(photo.request.responseType).toBe('blob');
    photo.flush(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    // a proof whose image cannot be read says so, and cannot be opened
    http
      .expectOne(`/api/dispatch/deliveries/${DELIVERY}/proofs/p-sign`)
      .flush(new Blob(['{"code":"PROOF_NOT_FOUND"}'], { type: 'application/json' }), {
        status: 404,
        statusText: 'Not Found',
      });
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture, root);
    const images = root.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const buttons = root.querySelectorAll<HTMLButtonElement>('button[data-proof]');
    expect([...buttons].map((b) => [b.dataset['proof'], b.disabled])).toEqual([
      ['photo', false],
      ['signature', true],
    ]);
    expect(root.textContent).toContain('Unavailable');
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Open at full size: Photo');

    buttons[0]?.click();
    expect(opened).toHaveLength(1);
    expect(opened[0]?.component).toBe(ProofDialog);
    expect(opened[0]?.data.src).toMatch(/^data:image\/png;base64,/);
    expect(opened[0]?.data.caption).toContain('Collected by Camille Martin');
    http.verify();
  });
});
