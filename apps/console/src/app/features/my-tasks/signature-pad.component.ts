import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  viewChild,
  DestroyRef,
} from '@angular/core';
import SignaturePad from 'signature_pad';

/**
 * A box the recipient signs in with a finger (signature_pad: smooth strokes from pointer events,
 * pen pressure aside). The canvas is sized to its box at the screen's pixel ratio; the drawing is
 * exported as a PNG with a white background (readable when printed).
 */
@Component({
  selector: 'fc-signature-pad',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<canvas #canvas [attr.aria-label]="label()" role="img" data-signature-pad></canvas>`,
  styles: `
    :host {
      display: block;
    }
    canvas {
      display: block;
      width: 100%;
      height: 200px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: var(--fc-radius-m);
      background: #fff;
      touch-action: none;
    }
  `,
})
export class SignaturePadComponent {
  readonly label = input.required<string>();
  /** true once something is drawn, false when cleared */
  readonly drawn = output<boolean>();
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private pad: SignaturePad | null = null;

  constructor() {
    afterNextRender(() => {
      const canvas = this.canvas().nativeElement;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      this.pad = new SignaturePad(canvas, {
        backgroundColor: '#ffffff',
        penColor: '#111111',
        minWidth: 1,
        maxWidth: 3,
      });
      this.pad.addEventListener('endStroke', () => this.drawn.emit(!this.isEmpty()));
    });
    inject(DestroyRef).onDestroy(() => this.pad?.off());
  }

  isEmpty(): boolean {
    return this.pad?.isEmpty() ?? true;
  }

  clear(): void {
    this.pad?.clear();
    this.drawn.emit(false);
  }

  /** the signature as a PNG, or null when nothing is drawn */
  toBlob(): Promise<Blob | null> {
    const canvas = this.canvas().nativeElement;
    if (this.isEmpty()) return Promise.resolve(null);
    return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
  }
}
