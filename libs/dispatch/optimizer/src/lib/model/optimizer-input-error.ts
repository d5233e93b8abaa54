export type OptimizerInputErrorCode =
  | 'INVALID_NUMBER'
  | 'INVALID_LOCATION'
  | 'INVALID_WINDOW'
  | 'INVALID_DEMAND'
  | 'INVALID_CAPACITY'
  | 'MISSING_PICKUP'
  | 'MISSING_DELIVERY'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_COURIER'
  | 'UNKNOWN_REQUEST'
  | 'INVALID_PLAN';

/** Malformed input: the message and the ids name the offending entity so callers can show it. */
export class OptimizerInputError extends Error {
  readonly code: OptimizerInputErrorCode;
  readonly requestId: string | undefined;
  readonly courierId: string | undefined;

  constructor(code: OptimizerInputErrorCode, message: string, ids: { requestId?: string; courierId?: string } = {}) {
    const subject =
      ids.requestId !== undefined
        ? `request ${ids.requestId}`
        : ids.courierId !== undefined
          ? `courier ${ids.courierId}`
          : 'input';
    super(`${code}: ${subject}: ${message}`);
    this.name = 'OptimizerInputError';
    this.code = code;
    this.requestId = ids.requestId;
    this.courierId = ids.courierId;
  }
}
