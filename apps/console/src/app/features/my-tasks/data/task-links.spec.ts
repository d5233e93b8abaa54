import { navigationUrl, packagesText, telUrl } from './task-links';

describe('task links', () => {
  it('opens the maps app of the phone: geo: on Android, Apple Maps on iOS, https elsewhere', () => {
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36';
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
    expect(navigationUrl(android, 45.7625, 4.8339, '3 rue Mercière, Lyon')).toBe(
      'geo:45.762500,4.833900?q=45.762500,4.833900(3%20rue%20Merci%C3%A8re%2C%20Lyon)',
    );
    expect(navigationUrl(iphone, 45.7625, 4.8339, 'x')).toBe(
      'https://maps.apple.com/?daddr=45.762500,4.833900&dirflg=d',
    );
    expect(navigationUrl('Mozilla/5.0 (X11; Linux x86_64)', 45.7625, 4.8339, 'x')).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=45.762500,4.833900',
    );
  });

  it('dials the number without spaces, and lists parcels', () => {
    expect(telUrl('+33 6 12 34 56 78')).toBe('tel:+33612345678');
    expect(
      packagesText(
        [
          { type: 'bag', quantity: 2 },
          { type: 'box', quantity: 1 },
        ],
        (t) => t.toUpperCase(),
      ),
    ).toBe('2 × BAG, 1 × BOX');
  });
});
