import type { PackageLine } from '@federacycle/contracts';

/**
 * A link that opens the phone's maps app at the task: `geo:` on Android (any maps app the
 * courier chose), Apple Maps on iOS (which ignores `geo:`), Google Maps' universal https link
 * elsewhere (it opens the app on a phone that has it, the website otherwise).
 */
export function navigationUrl(userAgent: string, lat: number, lng: number, address: string): string {
  const at = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  if (/Android/i.test(userAgent)) return `geo:${at}?q=${at}(${encodeURIComponent(address)})`;
  if (/iPhone|iPad|iPod/i.test(userAgent)) return `https://maps.apple.com/?daddr=${at}&dirflg=d`;
  return `https://www.google.com/maps/dir/?api=1&destination=${at}`;
}

/** `tel:` with the E.164 number (the server stores it so). */
export function telUrl(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

/** "2 × bag, 1 × box" with the package names given. */
export function packagesText(lines: readonly PackageLine[], name: (type: PackageLine['type']) => string): string {
  return lines.map((l) => `${l.quantity} × ${name(l.type)}`).join(', ');
}
