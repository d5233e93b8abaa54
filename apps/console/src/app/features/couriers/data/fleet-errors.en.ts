/** English messages of fleet's error codes (merged through fleet.en.ts). */
export const fleetErrorsEn = {
  'error.NOT_A_COURIER':
    'This person is not an active courier of the coop: give them the courier role on the People page first.',
  'error.COURIER_PROFILE_EXISTS': 'This person already has a courier profile: edit it instead.',
  'error.NO_COURIER_PROFILE': 'You have no courier profile in this coop yet: ask a coop admin to create it.',
  'error.VEHICLE_NOTE_REQUIRED': 'A car is an exception: say why in the vehicle note.',
  'error.INVALID_COURIER_TAG': 'A tag is 2 to 30 lower-case letters, digits, _ or - (12 tags at most).',
  'error.INVALID_PHONE': 'Write the phone number with + and the country code, e.g. +33 6 12 34 56 78.',
  'error.END_BEFORE_START': 'The end must be after the start.',
  'error.RANGE_TOO_LONG': 'That is too long: a shift lasts at most 16 hours, a view at most 31 days.',
  'error.SHIFT_OVERLAP': 'This courier already has a shift at that time: move or shorten one of them.',
  'error.UNKNOWN_ZONE': 'This zone does not exist in the coop: pick one of its zones.',
  'error.COORDINATES_OUT_OF_RANGE': 'Latitude must be between -90 and 90, longitude between -180 and 180.',
  'error.COURIER_INACTIVE': 'Your courier profile is inactive: ask a coop admin to reactivate it.',
  'error.ALREADY_ON_DUTY': 'You are already on duty.',
  'error.NOT_ON_DUTY': 'You are not on duty.',
};
