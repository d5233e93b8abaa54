/** English messages of dispatch's error codes (merged through dispatch.en.ts). */
export const dispatchErrorsEn = {
  'error.DELIVERY_SHAPE_INVALID':
    'A delivery has at least one pickup and one dropoff: one pickup to several dropoffs, or several pickups to one dropoff.',
  'error.WINDOW_CLOSES_BEFORE_OPENING':
    'A time window must close after it opens: check the “Not before” and “Not after” times.',
  'error.WINDOW_IN_PAST': 'This time window has already closed: pick a time to come.',
  'error.UNKNOWN_COURIER': 'This courier is not an active courier of the coop: pick another one.',
  'error.TASK_ALREADY_ASSIGNED': 'Another dispatcher has just given this task to a courier: reload to see who.',
  'error.TASK_CLOSED': 'This task is finished (done, failed or cancelled): it cannot change any more.',
  'error.PICKUP_NOT_DONE': 'A dropoff cannot be marked done before its pickup is.',
  'error.ASSIGNMENT_CHANGED': 'This changed meanwhile (someone else moved the task): reload and try again.',
  'error.FAILURE_REASON_REQUIRED': 'Say why the task failed: pick a reason.',
  'error.NO_PROPOSAL':
    'There is no plan proposal to accept right now: the planner will propose one when there is work.',
  'error.PROPOSAL_STALE': 'This task changed after the plan was proposed: it was left as it is now.',
  'error.UNKNOWN_MERCHANT': 'This merchant is not one of the coop’s: pick another one.',
  'error.CONTACT_EMAIL_INVALID':
    'The recipient’s email is not an address (and only a dropoff has a recipient to mail).',
  'error.DATE_RANGE_INVALID':
    'Check the dates: each must be a day of the calendar, and the range must end after it starts.',
  'error.TRACKING_NOT_FOUND': 'No delivery has this tracking link: check the link in your message.',
  'error.PROOF_NOT_FOUND': 'This proof of delivery cannot be found (or is not shown yet).',
  'error.UNKNOWN_TIME_SLOT': 'This time slot is not one of the coop’s: pick one from the list.',
  'error.TIME_SLOT_NAME_TAKEN': 'Another time slot already has this name: choose another one.',
  'error.TIME_SLOT_IN_USE': 'Deliveries were booked in this time slot: it cannot be deleted.',
  'error.TIME_SLOT_WINDOW_INVALID': 'This window is not one the time slot offers: pick one of its windows.',
  'error.TIME_SLOT_PAST': 'This window starts too soon or has passed: pick a later one.',
  'error.TIME_SLOT_FULL': 'This window is full: pick another one.',
  'error.TIME_SLOT_NO_WINDOW': 'This time slot offers no window in the coming days: check its opening hours.',
  'error.OUTSIDE_SERVICE_AREA': 'This address lies outside every zone the coop serves.',
  'error.TOO_MANY_TASKS': 'A delivery holds at most 20 tasks: split it in several deliveries.',
  'error.PICKUP_REQUIRED': 'Give a pickup: this client has no store to pick up from by default.',
  'error.DELIVERY_UNDER_WAY': 'A courier has picked this delivery up: it can no longer be cancelled.',
  'error.QUOTE_EXPIRED': 'This quote has expired: ask for a new one.',
  'error.QUOTE_USED': 'This quote was confirmed already.',
  'error.CURSOR_INVALID': 'This page link is not valid any more: start the list again.',
};
