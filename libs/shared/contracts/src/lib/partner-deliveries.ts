import type { DeliveryState, PackageLine, TaskKind, TaskState } from './dispatch';

/**
 * The partner delivery API (`/api/partner/v1`): what a shop, a site or another coop sends, and
 * what it reads back. A partner never sets a price or a task's state.
 */

/** One stop as a partner gives it. */
export interface PartnerTaskRequest {
  /** in a `tasks` list: pickup or dropoff; with `pickup`/`dropoff` it is implied */
  type?: TaskKind;
  /** the address as text, with its point (`lat`, `lng`); or `store: true` for the client's store */
  address?: string;
  lat?: number;
  lng?: number;
  /** the client's store (its saved address and point) */
  store?: boolean;
  /** ISO 8601 instants: the stop may start from / must start by */
  after?: string | null;
  before?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  comments?: string | null;
  packages?: PackageLine[];
  weightGrams?: number;
}

export interface PartnerDeliveryRequest {
  /** the partner's own reference (order number) */
  reference?: string | null;
  /** one pickup (default: the store, its time from the dropoff's window minus the travel) */
  pickup?: PartnerTaskRequest;
  dropoff?: PartnerTaskRequest;
  /** or a list of stops: one pickup and several dropoffs, or several pickups and one dropoff */
  tasks?: PartnerTaskRequest[];
  /** a time slot of the coop: the dropoffs take its window named by their after/before, or the first free one */
  timeSlotId?: string | null;
  /** create the delivery a quote priced (alone: the quote holds the request) */
  quoteId?: string | null;
}

export interface PartnerPrice {
  amountMinor: number;
  currency: string;
  /** the rules engine's answer as it priced it (lines, VAT) */
  breakdown: Record<string, unknown>;
}

export interface PartnerTaskView {
  id: string;
  type: TaskKind;
  state: TaskState;
  address: string;
  lat: number;
  lng: number;
  after: string | null;
  before: string | null;
  contactName: string | null;
  contactPhone: string | null;
  comments: string | null;
  packages: PackageLine[];
  weightGrams: number;
  updatedAt: string;
}

export interface PartnerDeliveryView {
  id: string;
  reference: string | null;
  state: DeliveryState;
  /** the recipient's tracking page */
  trackingUrl: string;
  timeSlotId: string | null;
  price: PartnerPrice | null;
  /** created while the coop runs in sandbox mode: a test delivery */
  test: boolean;
  quoteId: string | null;
  tasks: PartnerTaskView[];
  createdAt: string;
}

export interface PartnerDeliveryPage {
  items: PartnerDeliveryView[];
  /** pass it as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
}

export interface PartnerCheckProblem {
  code: string;
  message: string;
}

/** A dry run of a create: nothing is written. */
export interface PartnerCheckView {
  ok: boolean;
  problems: PartnerCheckProblem[];
  /** the windows the stops would get (a slot's window, the computed pickup time) */
  tasks: Array<Pick<PartnerTaskView, 'type' | 'address' | 'after' | 'before'>>;
  price: PartnerPrice | null;
}

export interface PartnerQuoteView {
  id: string;
  amountMinor: number;
  currency: string;
  breakdown: Record<string, unknown>;
  expiresAt: string;
  /** the delivery that confirmed it, once confirmed */
  deliveryId: string | null;
}

/** How long a quote holds its price. */
export const PARTNER_QUOTE_TTL_MINUTES = 30;

/** A partner-created delivery's origin, as the coop's people see it (the Deliveries page). */
export interface DeliveryPartnerView {
  clientId: string;
  clientName: string;
  test: boolean;
  price: PartnerPrice | null;
}
