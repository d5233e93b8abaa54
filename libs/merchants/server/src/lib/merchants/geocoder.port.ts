import type { GeoPoint, GeocodedBy, PostalAddress } from '@federacycle/contracts';

/** What a geocoder answers for an address: a point, and where it came from. */
export interface GeocodedPoint extends GeoPoint {
  geocodedBy: GeocodedBy;
  /** the adapter and its place id, e.g. "nominatim:W12345" (null for manual points) */
  geocoderRef: string | null;
}

/**
 * The port a geocoder adapter implements (Nominatim, Photon, a national address base...). None
 * is reachable from this platform today, so the only implementation is "manual": the person
 * drops a pin or types the coordinates, and the API keeps them as given. An adapter plugs in by
 * providing GEOCODER with another implementation; the merchant's address is already structured
 * (lines, postal code, city, country) as geocoders expect it.
 */
export interface Geocoder {
  readonly name: string;
  /** The point of an address, or the given one when the person placed it. */
  locate(address: PostalAddress, given: GeocodedPoint): Promise<GeocodedPoint>;
}

export const GEOCODER = Symbol('GEOCODER');

/** The manual geocoder: the point is the person's (a pin on the map or typed numbers). */
export const manualGeocoder: Geocoder = {
  name: 'manual',
  locate: async (_address, given) => ({
    ...given,
    geocoderRef: given.geocodedBy === 'geocoder' ? given.geocoderRef : null,
  }),
};
