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
};
