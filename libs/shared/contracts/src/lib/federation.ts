/**
 * Federation onboarding and the cooperative-only licence: the API contract shared by the
 * API (libs/federation/server) and the console.
 */

export const ApplicationStatus = {
  APPLIED: 'applied',
  UNDER_REVIEW: 'under_review',
  APPROVED: 'approved',
  REJECTED: 'rejected',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

/** What the federation's standing check says a coop may do right now. */
export type StandingMode = 'licensed' | 'grace' | 'sandbox' | 'restricted';
export type StandingCode = 'LICENCE_REQUIRED' | 'LICENCE_EXPIRED' | 'COOP_SUSPENDED' | 'COOP_NOT_WORKER_OWNED';
export type OperationalCapability = 'take_orders' | 'publish_storefront' | 'partner_api' | 'auto_dispatch';

export interface LegalFormView {
  id: string;
  labels: { en: string; fr: string };
  /** the application must declare social and solidarity economy status */
  socialEconomyDeclarationApplicable: boolean;
  /** 'other': a written justification is required */
  requiresJustification: boolean;
}
export interface CountryView {
  code: string;
  /** registration number format shown next to the field, e.g. "9 digits (SIREN)" */
  registrationHint: string;
  registrationExample: string;
  legalForms: LegalFormView[];
}
export interface LegalFormCatalogueResponse {
  countries: CountryView[];
}

/** The "Start a coop" form (sent as multipart: field `application` = this JSON, field `statutes` = the PDF). */
export interface CoopApplicationRequest {
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
  legalForm: string;
  legalFormJustification?: string;
  registrationNumber: string;
  declarations: {
    workersAreMembersOrEmployees: boolean;
    socialEconomyStatus?: boolean;
  };
  admin: { name: string; email: string };
  /** the applicant's language for the application mails (default: from Accept-Language, else English) */
  locale?: 'en' | 'fr';
}
export interface ApplicationReceipt {
  id: string;
  status: ApplicationStatus;
  /** secret of the status page link: /apply/status/:id?token=... */
  statusToken: string;
}
export interface ApplicationStatusView {
  id: string;
  name: string;
  status: ApplicationStatus;
  submittedAt: string;
  decidedAt: string | null;
  /** the reason given with a rejection */
  reason: string | null;
}
export interface ApplicationTransitionView {
  from: string;
  to: string;
  event: string;
  reason: string | null;
  actorEmail: string | null;
  at: string;
}
/** What a federation admin reviews. */
export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
  legalForm: string;
  legalFormJustification: string | null;
  registrationNumber: string;
  declarations: { workersAreMembersOrEmployees: boolean; socialEconomyStatus: boolean | null };
  admin: { name: string; email: string };
  statutes: { sha256: string; size: number; downloadUrl: string };
  submittedAt: string;
  coopId: string | null;
  history: ApplicationTransitionView[];
}
/** The federation admin's queue: `GET /api/federation/applications?q=&sort=&status=&limit=&offset=` */
export type ApplicationSort = 'submitted_at' | '-submitted_at' | 'name';
export interface ApplicationsQuery {
  /** free text over the coop name, the admin email and the registration number (case-insensitive) */
  q?: string;
  /** default `-submitted_at` (newest first) */
  sort?: ApplicationSort;
  status?: ApplicationStatus;
  limit?: number;
  offset?: number;
}
export interface DecisionRequest {
  /** required to reject, suspend, reinstate or offboard */
  reason?: string;
}

export type LicenceStatus = 'active' | 'expired' | 'revoked';
export interface LicenceView {
  id: string;
  kid: string;
  /** the compact JWS: anyone can verify it with the published keys */
  token: string;
  issuedAt: string;
  expiresAt: string;
  status: LicenceStatus;
  revokedAt: string | null;
}
export interface StandingView {
  mode: StandingMode;
  code: StandingCode | null;
  message: string;
  warnings: { code: StandingCode; message: string }[];
  graceEndsAt: string | null;
}
/** The coop admin's licence card and the compliance banner. */
export interface CoopLicenceResponse {
  standing: StandingView;
  licence: LicenceView | null;
  /** public page where anyone can paste and check the licence */
  verifyUrl: string;
  workerOwnership: { share: number | null; threshold: number; activeCouriers: number; memberCouriers: number } | null;
}

export interface VerifyLicenceRequest {
  licence: string;
}
export type LicenceVerificationStatus =
  | 'valid'
  | 'expired'
  | 'revoked'
  | 'unknown_key'
  | 'bad_signature'
  | 'bad_algorithm'
  | 'malformed'
  | 'not_yet_valid';
export interface LicenceVerificationResponse {
  status: LicenceVerificationStatus;
  message: string;
  kid?: string;
  claims?: {
    coop: { id: string; name: string; legalForm: string; country: string; registration: string };
    issuedAt: string;
    expiresAt: string;
  };
}

/** One row of the federation admin's coop directory. */
export interface CoopDirectoryEntry {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  status: 'active' | 'suspended' | 'offboarding' | 'offboarded';
  standing: StandingMode;
  licenceExpiresAt: string | null;
  memberShare: number | null;
}

export interface FederationSettingsView {
  licenceGraceDays: number;
  /** share of active couriers who must be members, 0..1 */
  workerOwnershipThreshold: number;
}

/** The coop's storefront: publishing it is an operational capability (licence required). */
export interface StorefrontView {
  published: boolean;
  publishedAt: string | null;
}
