/**
 * Stable error codes returned in the `code` field of every 4xx/5xx body.
 * Clients (the console, partners) branch on these, never on messages.
 */
export const ErrorCode = {
  // generic request problems
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INVALID_ID: 'INVALID_ID',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  CONFLICT: 'CONFLICT',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  // idempotency
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  // authentication and access
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** the roles the token carries have changed since it was issued: refresh it */
  TOKEN_STALE: 'TOKEN_STALE',
  SESSION_REVOKED: 'SESSION_REVOKED',
  USER_DISABLED: 'USER_DISABLED',
  NO_MEMBERSHIP: 'NO_MEMBERSHIP',
  FORBIDDEN: 'FORBIDDEN',
  LINK_INVALID: 'LINK_INVALID',
  LINK_EXPIRED: 'LINK_EXPIRED',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  /** a new password is one of the most common ones, a pattern, or built on the person's email */
  PASSWORD_TOO_COMMON: 'PASSWORD_TOO_COMMON',
  // federation onboarding
  DUPLICATE_REGISTRATION: 'DUPLICATE_REGISTRATION',
  REGISTRATION_FORMAT: 'REGISTRATION_FORMAT',
  REGISTRATION_CHECKSUM: 'REGISTRATION_CHECKSUM',
  UNKNOWN_COUNTRY: 'UNKNOWN_COUNTRY',
  UNKNOWN_LEGAL_FORM: 'UNKNOWN_LEGAL_FORM',
  STATUTES_EMPTY: 'STATUTES_EMPTY',
  STATUTES_TOO_LARGE: 'STATUTES_TOO_LARGE',
  STATUTES_NOT_PDF: 'STATUTES_NOT_PDF',
  REASON_REQUIRED: 'REASON_REQUIRED',
  /** the admin email already has the maximum of applications awaiting a decision */
  TOO_MANY_PENDING_APPLICATIONS: 'TOO_MANY_PENDING_APPLICATIONS',
  SANDBOX_TEST_ORDER_LIMIT: 'SANDBOX_TEST_ORDER_LIMIT',
  // governance
  UNKNOWN_SETTING: 'UNKNOWN_SETTING',
  SETTING_VALUE_INVALID: 'SETTING_VALUE_INVALID',
  VOTING_WINDOW_INVALID: 'VOTING_WINDOW_INVALID',
  PERCENT_OUT_OF_RANGE: 'PERCENT_OUT_OF_RANGE',
  STATUTORY_THRESHOLD: 'STATUTORY_THRESHOLD',
  NOT_A_VOTER: 'NOT_A_VOTER',
  VOTING_NOT_OPEN: 'VOTING_NOT_OPEN',
  VOTE_SAME_INSTANT: 'VOTE_SAME_INSTANT',
  PROXY_TO_SELF: 'PROXY_TO_SELF',
  PROXY_CHAIN: 'PROXY_CHAIN',
  TOO_MANY_PROXIES: 'TOO_MANY_PROXIES',
  VOTE_GIVEN_BY_PROXY: 'VOTE_GIVEN_BY_PROXY',
  RESULTS_HIDDEN: 'RESULTS_HIDDEN',
  PROPOSAL_HAS_BALLOTS: 'PROPOSAL_HAS_BALLOTS',
  COLLEGE_NAME_TAKEN: 'COLLEGE_NAME_TAKEN',
  /** the weights of a coop's colleges would add up to more than 100 % */
  COLLEGE_WEIGHTS_OVER_100: 'COLLEGE_WEIGHTS_OVER_100',
  /** a member is already in another college (one college at most) */
  COLLEGE_MEMBER_TAKEN: 'COLLEGE_MEMBER_TAKEN',
  /** only the coop's active members with the member role are placed in colleges */
  COLLEGE_NOT_A_MEMBER: 'COLLEGE_NOT_A_MEMBER',
  // licence and compliance
  LICENCE_REQUIRED: 'LICENCE_REQUIRED',
  LICENCE_EXPIRED: 'LICENCE_EXPIRED',
  COOP_SUSPENDED: 'COOP_SUSPENDED',
  COOP_NOT_WORKER_OWNED: 'COOP_NOT_WORKER_OWNED',
  // why a licence does not verify (the public verify endpoint answers 200 with one of these)
  LICENCE_MALFORMED: 'LICENCE_MALFORMED',
  LICENCE_BAD_ALGORITHM: 'LICENCE_BAD_ALGORITHM',
  LICENCE_UNKNOWN_KEY: 'LICENCE_UNKNOWN_KEY',
  LICENCE_BAD_SIGNATURE: 'LICENCE_BAD_SIGNATURE',
  LICENCE_REVOKED: 'LICENCE_REVOKED',
  LICENCE_NOT_YET_VALID: 'LICENCE_NOT_YET_VALID',
  // merchants and menus
  /** the opening_hours text does not parse; the message names the position and the problem */
  OPENING_HOURS_INVALID: 'OPENING_HOURS_INVALID',
  /** an amount in another currency than the coop’s */
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  /** an archived merchant cannot be changed */
  MERCHANT_ARCHIVED: 'MERCHANT_ARCHIVED',
  /** merchants can only be assigned to a member with the merchant_staff role */
  NOT_MERCHANT_STAFF: 'NOT_MERCHANT_STAFF',
  /** a VAT rate outside the catalogue of the merchant’s country */
  VAT_RATE_NOT_ALLOWED: 'VAT_RATE_NOT_ALLOWED',
  /** a category already has a product of that name */
  DUPLICATE_PRODUCT_NAME: 'DUPLICATE_PRODUCT_NAME',
  /** the menu already has a category of that name */
  DUPLICATE_CATEGORY_NAME: 'DUPLICATE_CATEGORY_NAME',
  /** min/max selections do not fit the choice kind or the number of options */
  OPTION_GROUP_INVALID: 'OPTION_GROUP_INVALID',
  /** a reorder must name every item of the list exactly once */
  REORDER_MISMATCH: 'REORDER_MISMATCH',
  /** an imported menu document is not valid (nothing was imported) */
  MENU_IMPORT_INVALID: 'MENU_IMPORT_INVALID',
  /** an upload that is not a JPEG, PNG or WebP image (checked by its content) */
  IMAGE_NOT_SUPPORTED: 'IMAGE_NOT_SUPPORTED',
  /** an image over the size limit */
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  /** an upload with no file or an empty file */
  IMAGE_EMPTY: 'IMAGE_EMPTY',
  // geo: zones and service areas
  /** not a GeoJSON Polygon or MultiPolygon, or coordinates of the wrong shape */
  GEOMETRY_INVALID: 'GEOMETRY_INVALID',
  /** a ring whose last position is not its first */
  GEOMETRY_RING_OPEN: 'GEOMETRY_RING_OPEN',
  /** a ring with fewer than 3 distinct points */
  GEOMETRY_TOO_FEW_POINTS: 'GEOMETRY_TOO_FEW_POINTS',
  /** a longitude outside -180..180 or a latitude outside -90..90 */
  GEOMETRY_OUT_OF_RANGE: 'GEOMETRY_OUT_OF_RANGE',
  /** edges that cross each other */
  GEOMETRY_SELF_INTERSECTS: 'GEOMETRY_SELF_INTERSECTS',
  /** more vertices (or features) than the limit */
  GEOMETRY_TOO_LARGE: 'GEOMETRY_TOO_LARGE',
  /** a zone that reaches beyond the coop's service area */
  ZONE_OUTSIDE_SERVICE_AREA: 'ZONE_OUTSIDE_SERVICE_AREA',
  /** another zone of the coop has this name */
  ZONE_NAME_TAKEN: 'ZONE_NAME_TAKEN',
  /** something (a merchant perimeter, a shift) still uses the zone */
  ZONE_IN_USE: 'ZONE_IN_USE',
  /** a service area that would leave existing zones outside it */
  SERVICE_AREA_EXCLUDES_ZONES: 'SERVICE_AREA_EXCLUDES_ZONES',
  /** a GeoJSON import that is not a FeatureCollection of named polygons */
  GEOJSON_INVALID: 'GEOJSON_INVALID',
  // fleet
  /** the membership does not hold the courier role (or is not active) */
  NOT_A_COURIER: 'NOT_A_COURIER',
  /** the person already has a courier profile in this coop */
  COURIER_PROFILE_EXISTS: 'COURIER_PROFILE_EXISTS',
  /** the caller has no courier profile in this coop yet */
  NO_COURIER_PROFILE: 'NO_COURIER_PROFILE',
  /** a phone number that is not international (E.164: +, country code, 7 to 15 digits) */
  INVALID_PHONE: 'INVALID_PHONE',
  /** a car is an exception: it needs a note saying why */
  VEHICLE_NOTE_REQUIRED: 'VEHICLE_NOTE_REQUIRED',
  /** a free tag that is not 2-30 lower-case letters, digits, _ or - (or too many tags) */
  INVALID_COURIER_TAG: 'INVALID_COURIER_TAG',
  /** a shift or slot that ends before (or when) it starts */
  END_BEFORE_START: 'END_BEFORE_START',
  /** a shift longer than 16 hours, or a window of more than 31 days */
  RANGE_TOO_LONG: 'RANGE_TOO_LONG',
  /** the courier already has a shift at that time */
  SHIFT_OVERLAP: 'SHIFT_OVERLAP',
  /** a zone id the coop does not have */
  UNKNOWN_ZONE: 'UNKNOWN_ZONE',
  /** latitude outside [-90, 90] or longitude outside [-180, 180] */
  COORDINATES_OUT_OF_RANGE: 'COORDINATES_OUT_OF_RANGE',
  /** an inactive courier cannot go on duty */
  COURIER_INACTIVE: 'COURIER_INACTIVE',
  ALREADY_ON_DUTY: 'ALREADY_ON_DUTY',
  NOT_ON_DUTY: 'NOT_ON_DUTY',
  // dispatch
  /** a delivery needs at least one pickup and one dropoff, and not several of both */
  DELIVERY_SHAPE_INVALID: 'DELIVERY_SHAPE_INVALID',
  /** a time window that closes before (or when) it opens */
  WINDOW_CLOSES_BEFORE_OPENING: 'WINDOW_CLOSES_BEFORE_OPENING',
  /** a time window that has already closed */
  WINDOW_IN_PAST: 'WINDOW_IN_PAST',
  /** a courier id the coop does not have (or whose profile is inactive) */
  UNKNOWN_COURIER: 'UNKNOWN_COURIER',
  /** the task is held by another courier (the body names them) */
  TASK_ALREADY_ASSIGNED: 'TASK_ALREADY_ASSIGNED',
  /** the task is done, failed or cancelled: it cannot change any more */
  TASK_CLOSED: 'TASK_CLOSED',
  /** a dropoff cannot be done before every pickup of its delivery is */
  PICKUP_NOT_DONE: 'PICKUP_NOT_DONE',
  /** the task's assignment changed since the caller looked (reassign, reorder) */
  ASSIGNMENT_CHANGED: 'ASSIGNMENT_CHANGED',
  /** a failure without its reason */
  FAILURE_REASON_REQUIRED: 'FAILURE_REASON_REQUIRED',
  /** the coop has no plan proposal to accept (suggest mode, nothing left to propose) */
  NO_PROPOSAL: 'NO_PROPOSAL',
  /** a proposed task changed after the proposal was made (accepting it reports it, leaves it) */
  PROPOSAL_STALE: 'PROPOSAL_STALE',
  // the courier app
  /** a client action id (or proof id) sent again with a different body */
  CLIENT_ID_REUSED: 'CLIENT_ID_REUSED',
  /** the task was reassigned, unassigned or cancelled meanwhile (the body gives its state) */
  COURIER_TASK_CONFLICT: 'COURIER_TASK_CONFLICT',
  /** picked up on a dropoff, delivered on a pickup */
  STEP_NOT_FOR_TASK: 'STEP_NOT_FOR_TASK',
  /** the coop's proof policy needs more (the body names what is missing) */
  PROOF_MISSING: 'PROOF_MISSING',
  /** the handover code does not match the delivery's */
  HANDOVER_CODE_WRONG: 'HANDOVER_CODE_WRONG',
  /** a location fix with an accuracy of 0 or less, or worse than 5 km */
  LOCATION_ACCURACY_ABSURD: 'LOCATION_ACCURACY_ABSURD',
  /** a location fix dated in the future */
  LOCATION_IN_FUTURE: 'LOCATION_IN_FUTURE',
  /** a location fix too old to mean anything */
  LOCATION_TOO_OLD: 'LOCATION_TOO_OLD',
  /** a merchant id the coop does not have */
  UNKNOWN_MERCHANT: 'UNKNOWN_MERCHANT',
  /** a contact email on a pickup, or one that is not an address */
  CONTACT_EMAIL_INVALID: 'CONTACT_EMAIL_INVALID',
  /** a search whose dates are not days, or whose range ends before it starts */
  DATE_RANGE_INVALID: 'DATE_RANGE_INVALID',
  /** no delivery has this tracking link (mistyped, or the delivery was removed) */
  TRACKING_NOT_FOUND: 'TRACKING_NOT_FOUND',
  /** no proof of this delivery has this id (or, on the tracking page, not yet: the delivery is not completed) */
  PROOF_NOT_FOUND: 'PROOF_NOT_FOUND',
  /** another live partner client of the coop has this name */
  PARTNER_CLIENT_NAME_TAKEN: 'PARTNER_CLIENT_NAME_TAKEN',
  // webhooks
  /** a webhook URL that is not an absolute https:// URL (or carries credentials or a fragment) */
  WEBHOOK_URL_INVALID: 'WEBHOOK_URL_INVALID',
  /** a webhook URL whose host resolves to a loopback, private, link-local or otherwise internal address */
  WEBHOOK_TARGET_FORBIDDEN: 'WEBHOOK_TARGET_FORBIDDEN',
  /** a webhook URL whose host does not resolve */
  WEBHOOK_HOST_UNRESOLVED: 'WEBHOOK_HOST_UNRESOLVED',
  /** the coop has the maximum number of webhook subscriptions */
  WEBHOOK_LIMIT_REACHED: 'WEBHOOK_LIMIT_REACHED',
  /** a disabled subscription sends nothing, replays included: enable it first */
  WEBHOOK_SUBSCRIPTION_DISABLED: 'WEBHOOK_SUBSCRIPTION_DISABLED',
  // time slots
  /** a time slot id the coop does not have */
  UNKNOWN_TIME_SLOT: 'UNKNOWN_TIME_SLOT',
  /** another time slot of the coop has this name */
  TIME_SLOT_NAME_TAKEN: 'TIME_SLOT_NAME_TAKEN',
  /** deliveries were booked in this slot: it cannot be deleted */
  TIME_SLOT_IN_USE: 'TIME_SLOT_IN_USE',
  /** the window asked is not one of the slot's windows (misaligned, outside its hours or beyond its horizon) */
  TIME_SLOT_WINDOW_INVALID: 'TIME_SLOT_WINDOW_INVALID',
  /** the window starts too soon (within the slot's prior notice) or has passed */
  TIME_SLOT_PAST: 'TIME_SLOT_PAST',
  /** the window holds as many deliveries as the slot allows */
  TIME_SLOT_FULL: 'TIME_SLOT_FULL',
  /** the slot offers no window at all in its horizon */
  TIME_SLOT_NO_WINDOW: 'TIME_SLOT_NO_WINDOW',
  // the partner delivery API
  /** the point lies outside every zone of the coop (or its service area when it has no zones) */
  OUTSIDE_SERVICE_AREA: 'OUTSIDE_SERVICE_AREA',
  /** more tasks than one delivery may hold */
  TOO_MANY_TASKS: 'TOO_MANY_TASKS',
  /** the partner omitted the pickup, and its client is bound to no store to default to */
  PICKUP_REQUIRED: 'PICKUP_REQUIRED',
  /** a courier has picked it up (or it is finished): the partner can no longer cancel it */
  DELIVERY_UNDER_WAY: 'DELIVERY_UNDER_WAY',
  /** the quote's expiry has passed: ask for a new quote */
  QUOTE_EXPIRED: 'QUOTE_EXPIRED',
  /** the quote was confirmed already (it created a delivery) */
  QUOTE_USED: 'QUOTE_USED',
  /** a cursor that this list did not hand out */
  CURSOR_INVALID: 'CURSOR_INVALID',
  // pricing
  /** a condition or formula that does not compile (the message names the position and the reason) */
  PRICE_EXPRESSION_INVALID: 'PRICE_EXPRESSION_INVALID',
  /** a rule whose price fields do not fit its kind (per-km ranges out of order, a missing amount) */
  PRICE_RULE_INVALID: 'PRICE_RULE_INVALID',
  /** no rule of the rule set prices this delivery (details: why each rule did not match) */
  PRICE_NO_RULE: 'PRICE_NO_RULE',
  /** an archived rule set cannot be changed or made the default */
  RULE_SET_ARCHIVED: 'RULE_SET_ARCHIVED',
  /** a partner route called without a valid, live API key or partner token (or a person's token) */
  PARTNER_CREDENTIALS_INVALID: 'PARTNER_CREDENTIALS_INVALID',
  /** the partner credential does not hold the scope the route needs */
  PARTNER_SCOPE_MISSING: 'PARTNER_SCOPE_MISSING',
  /** a credential asked for a partner client that has been revoked */
  PARTNER_CLIENT_REVOKED: 'PARTNER_CLIENT_REVOKED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one field of a request body or query. */
export interface FieldError {
  /** dotted path of the field, e.g. `roles.0` */
  field: string;
  /** stable code, e.g. `isEmail`, `whitelistValidation`, `isUuid` */
  code: string;
  message: string;
  /** the code's parameters, when it has any, for a client's own words (e.g. PRICE_EXPRESSION_INVALID: `reason`, `position`…) */
  params?: Readonly<Record<string, string | number | null>>;
}

/** The body of every error response. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  requestId?: string;
  errors?: FieldError[];
  /** what a client needs to act on this error (e.g. the courier holding a task), when the code has any */
  details?: Record<string, unknown>;
}
