import type { CoopRole, CoopStatus, PlatformRole, UserStatus } from './roles';

/** The languages the platform speaks (console and mails); a person may choose one of them. */
export const SUPPORTED_LOCALES = ['en', 'fr'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Countries whose coops get French mails when a person has chosen no language. */
const FRENCH_COUNTRIES = new Set(['FR', 'BE', 'CH', 'LU', 'MC']);

/** A coop's default language for its mails: its country's (ISO 3166-1 alpha-2). */
export function countryLocale(country: string): SupportedLocale {
  return FRENCH_COUNTRIES.has(country) ? 'fr' : 'en';
}

/** One membership as the signed-in person sees it (coop switcher). */
export interface MembershipSummary {
  coopId: string;
  coopSlug: string;
  coopName: string;
  roles: CoopRole[];
}

/** Who is calling: derived from the access token, used by API guards and the console. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  /** the coop selected for this session; null for a federation admin outside any coop */
  coopId: string | null;
  /** roles in the selected coop */
  roles: CoopRole[];
  platformRoles: PlatformRole[];
  sessionId: string;
  /** merchant_staff: the merchants of the selected coop this person acts for (else empty) */
  merchantIds: string[];
  /** the person's chosen language (console and mails); null: not chosen, their coop's language applies */
  locale: SupportedLocale | null;
}

// ---- /api/auth ----
export interface SignInRequest {
  email: string;
  password: string;
  /** coop to open; defaults to the first membership */
  coopId?: string;
}
export interface RefreshRequest {
  refreshToken: string;
}
export interface SwitchCoopRequest {
  coopId: string;
}
export interface SessionResponse {
  accessToken: string;
  /** opaque, single use: every refresh returns a new one */
  refreshToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  principal: Principal;
  memberships: MembershipSummary[];
}
export interface MeResponse {
  principal: Principal;
  memberships: MembershipSummary[];
}
/** PATCH /api/auth/me: the person's own preferences (null clears the language choice). */
export interface UpdateMeRequest {
  locale: SupportedLocale | null;
}
export interface ForgotPasswordRequest {
  email: string;
}
export interface ResetPasswordRequest {
  token: string;
  password: string;
}

// ---- invitations ----
export interface CreateInvitationRequest {
  email: string;
  roles: CoopRole[];
}
export interface InvitationView {
  id: string;
  email: string;
  roles: CoopRole[];
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
  /**
   * Only in the answer of an invite: true when it replaced the email's earlier pending invitation
   * (one pending invitation per email per coop), whose link no longer works.
   */
  replaced?: boolean;
  /** Only in the answer of an invite: the ids of the invitations it replaced (revoked). */
  replacedIds?: string[];
}
/** What the accept page shows before the invitee acts (public, by token). */
export interface InvitationPreview {
  coopName: string;
  email: string;
  roles: CoopRole[];
  /** true when the email already has an account: accept without a new password */
  existingUser: boolean;
}
export interface AcceptInvitationRequest {
  /** required for a new user */
  name?: string;
  /** required for a new user, at least 10 characters */
  password?: string;
}

// ---- members (the coop admin's "People" page) ----
export interface MemberView {
  userId: string;
  email: string;
  name: string;
  roles: CoopRole[];
  status: UserStatus;
  membershipStatus: 'active' | 'disabled';
  joinedAt: string;
}
export interface UpdateMemberRolesRequest {
  roles: CoopRole[];
}

// ---- coops (federation admin) ----
export interface CoopView {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
  status: CoopStatus;
  createdAt: string;
}
export interface CreateCoopRequest {
  slug: string;
  name: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** IANA zone, e.g. Europe/Paris */
  timezone: string;
  /** ISO 4217 */
  currency: string;
}

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
}
