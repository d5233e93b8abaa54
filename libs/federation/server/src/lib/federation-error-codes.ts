/**
 * Error codes introduced by the federation domain, to be merged into `ErrorCode` in
 * `@federacycle/contracts` (LICENCE_REQUIRED, LICENCE_EXPIRED, COOP_SUSPENDED,
 * COOP_NOT_WORKER_OWNED and ILLEGAL_TRANSITION already exist there). Suggested HTTP status in
 * comments. Field-level codes of an application are listed in `APPLICATION_FIELD_CODES`.
 */
export const FederationErrorCode = {
  /** 409: another coop already uses this country + normalised registration number */
  DUPLICATE_REGISTRATION: 'DUPLICATE_REGISTRATION',
  /** 400 (field): registration number does not match the country's format */
  REGISTRATION_FORMAT: 'REGISTRATION_FORMAT',
  /** 400 (field): registration number fails its check digits / assigned prefixes */
  REGISTRATION_CHECKSUM: 'REGISTRATION_CHECKSUM',
  /** 400 (field): not an ISO 3166-1 alpha-2 country */
  UNKNOWN_COUNTRY: 'UNKNOWN_COUNTRY',
  /** 400 (field): legal form not in the country's catalogue */
  UNKNOWN_LEGAL_FORM: 'UNKNOWN_LEGAL_FORM',
  /** 400: statutes upload is empty */
  STATUTES_EMPTY: 'STATUTES_EMPTY',
  /** 413: statutes upload above 10 MB */
  STATUTES_TOO_LARGE: 'STATUTES_TOO_LARGE',
  /** 415 (or 400): statutes upload is not a PDF by content */
  STATUTES_NOT_PDF: 'STATUTES_NOT_PDF',
  /** 400: a lifecycle event that needs a reason (reject, suspend, reinstate, start_offboarding) got none */
  REASON_REQUIRED: 'REASON_REQUIRED',
  /** 429 (or 403): sandbox coop above SANDBOX_TEST_ORDERS_PER_DAY test orders today */
  SANDBOX_TEST_ORDER_LIMIT: 'SANDBOX_TEST_ORDER_LIMIT',
  // Licence verification outcomes (the public verify endpoint answers 200 with a status; these
  // codes serve when a licence is submitted where a valid one is required, e.g. 400/422)
  LICENCE_MALFORMED: 'LICENCE_MALFORMED',
  LICENCE_BAD_ALGORITHM: 'LICENCE_BAD_ALGORITHM',
  LICENCE_UNKNOWN_KEY: 'LICENCE_UNKNOWN_KEY',
  LICENCE_BAD_SIGNATURE: 'LICENCE_BAD_SIGNATURE',
  LICENCE_REVOKED: 'LICENCE_REVOKED',
  LICENCE_NOT_YET_VALID: 'LICENCE_NOT_YET_VALID',
} as const;
export type FederationErrorCode = (typeof FederationErrorCode)[keyof typeof FederationErrorCode];
