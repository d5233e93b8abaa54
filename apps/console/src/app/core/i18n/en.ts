/**
 * English dictionary: the reference set of keys. Every other language is typed
 * `Dictionary`, so a missing key is a compile error (and a failing unit test).
 * Placeholders are written `{name}`.
 */
import { homeEn } from '../../features/home/home.en';
import { federationEn } from '../../features/federation/data/federation.en';
import { licenceEn } from '../../features/licence/data/licence.en';
import { peopleEn } from '../../features/people/data/people.en';
import { merchantsEn } from '../../features/merchants/data/merchants.en';
import { zonesEn } from '../../features/zones/data/zones.en';
import { pricingEn } from '../../features/pricing/data/pricing.en';
import { fleetEn } from '../../features/couriers/data/fleet.en';
import { dispatchEn } from '../../features/deliveries/data/dispatch.en';
import { courierAppEn } from '../../features/my-tasks/data/courier-app.en';
import { trackingEn } from '../../features/tracking/data/tracking.en';
import { boardEn } from '../../features/dispatch/data/board.en';
import { governanceEn } from '../../features/governance/data/governance.en';
import { partnersEn } from '../../features/partners/data/partners.en';

export const en = {
  'app.name': 'Federacycle',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',

  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.fr': 'Français',
  'lang.notSaved': 'Your language could not be saved to your account.',

  'shell.openMenu': 'Open navigation menu',
  'shell.closeMenu': 'Close navigation menu',
  'shell.mainNav': 'Main navigation',
  'shell.coopSwitcher': 'Cooperative',
  'shell.signOut': 'Sign out',
  'shell.signedInAs': 'Signed in as {name}',
  'shell.federation': 'Federation',

  'nav.home': 'Home',
  'nav.people': 'People',
  'nav.coops': 'Coops',
  'nav.dispatch': 'Dispatch board',
  'nav.deliveries': 'Deliveries',
  'nav.myTasks': 'My tasks',
  'nav.orders': 'Orders',
  'nav.merchants': 'Merchants',
  'nav.couriers': 'Couriers',
  'nav.proposals': 'Proposals',
  'nav.settings': 'Settings',
  'nav.licence': 'Licence',

  'role.coop_admin': 'Coop admin',
  'role.dispatcher': 'Dispatcher',
  'role.courier': 'Courier',
  'role.merchant_staff': 'Merchant staff',
  'role.member': 'Member',
  'role.federation_admin': 'Federation admin',

  'status.active': 'Active',
  'status.disabled': 'Disabled',

  'coopStatus.active': 'Active',
  'coopStatus.suspended': 'Suspended',
  'coopStatus.offboarding': 'Offboarding',
  'coopStatus.offboarded': 'Offboarded',

  'form.email': 'Email',
  'form.password': 'Password',
  'form.newPassword': 'New password',
  'form.confirmPassword': 'Confirm password',
  'form.name': 'Full name',
  'form.roles': 'Roles',
  'form.required': 'This field is required.',
  'form.invalidEmail': 'Enter a valid email address.',
  'form.minLength': 'At least {min} characters.',
  'form.maxLength': 'At most {max} characters.',
  'form.passwordsDiffer': 'The passwords do not match.',
  'form.passwordHint': 'At least 10 characters.',
  'form.invalidFormat': 'This value has an invalid format.',
  'form.invalidValue': 'This value is not accepted.',
  'form.taken': 'This value is already taken.',

  'signIn.title': 'Sign in',
  'signIn.subtitle': 'The shared platform of bike-courier cooperatives.',
  'signIn.submit': 'Sign in',
  'signIn.forgot': 'Forgot your password?',

  'forgot.title': 'Forgot password',
  'forgot.intro': 'Enter your email and we will send you a link to choose a new password.',
  'forgot.submit': 'Send the link',
  'forgot.sent': 'If an account exists for {email}, a link is on its way. It is valid for a limited time.',
  'forgot.back': 'Back to sign-in',

  'reset.title': 'Choose a new password',
  'reset.submit': 'Save the password',
  'reset.done': 'Your password has been changed. You can now sign in.',
  'reset.missingToken': 'This link is incomplete. Ask for a new one.',
  'reset.askAgain': 'Ask for a new link',

  'invite.title': 'Join a cooperative',
  'invite.intro': '{coop} invites {email} to join with these roles:',
  'invite.newUser': 'Create your account to accept.',
  'invite.existingUser': 'You already have an account: accept to add this cooperative to it.',
  'invite.accept': 'Accept the invitation',
  'invite.missingToken': 'This invitation link is incomplete.',

  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.close': 'Close',
  'common.retry': 'Try again',
  'common.goHome': 'Go to the home page',

  'list.range': '{from}–{to} of {total}',
  'list.pageSize': 'Rows per page',
  'list.previous': 'Previous',
  'list.next': 'Next',
  'list.pagination': 'Pages of {label}',

  'notFound.title': 'Page not found',
  'notFound.body': 'The page you are looking for does not exist or has moved.',

  'forbidden.title': 'Access denied',
  'forbidden.body': 'Your roles in this cooperative do not give access to this page.',

  'comingSoon.title': '{page}: coming soon',
  'comingSoon.body': 'This part of Federacycle is being built. Come back soon.',

  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.INVALID_CREDENTIALS': 'Wrong email or password.',
  'error.RATE_LIMITED': 'Too many attempts. Try again in {seconds} seconds.',
  'error.RATE_LIMITED_NO_DELAY': 'Too many attempts. Try again in a moment.',
  'error.LINK_EXPIRED': 'This link has expired. Ask for a new one.',
  'error.LINK_INVALID': 'This link is not valid (it may have been used already).',
  'error.WEAK_PASSWORD': 'This password is too weak: use at least 10 characters, avoid common words.',
  'error.PASSWORD_TOO_COMMON':
    'This password is too common or too easy to guess (a word, a repeat, a run of keys, or your name or email). Choose a longer, less common one, e.g. a few unrelated words.',
  'error.TOO_MANY_PENDING_APPLICATIONS':
    "This email already has several applications waiting for a decision. Wait for the federation's answer, or write to it, before applying again.",
  'error.VALIDATION_FAILED': 'Some fields are not valid: check the highlighted fields.',
  'error.USER_DISABLED': 'This account is disabled. Contact your cooperative.',
  'error.NO_MEMBERSHIP': 'This account does not belong to any active cooperative.',
  'error.SESSION_REVOKED': 'Your session has ended. Please sign in again.',
  'error.TOKEN_EXPIRED': 'Your session has expired. Please sign in again.',
  'error.TOKEN_STALE': 'Your roles have changed. Please sign in again.',
  'error.TOKEN_INVALID': 'Your session is not valid. Please sign in again.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'Not found: it may have been removed.',
  'error.CONFLICT': 'This already exists or was changed meanwhile.',
  'error.ILLEGAL_TRANSITION': 'This change is not possible in the current state.',
  'error.UNKNOWN_SETTING': 'This setting does not exist.',
  'error.SETTING_VALUE_INVALID': 'This value is not allowed for the setting.',
  'error.VOTING_WINDOW_INVALID': 'The voting window must close at least an hour after it opens.',
  'error.PERCENT_OUT_OF_RANGE': 'Quorum and threshold are percentages from 0 to 100.',
  'error.STATUTORY_THRESHOLD': 'A statutory setting needs a threshold of at least two thirds.',
  'error.NOT_A_VOTER': 'You are not among the voters of this proposal.',
  'error.VOTING_NOT_OPEN': 'Voting is not open on this proposal.',
  'error.VOTE_SAME_INSTANT': 'This vote was already recorded at the same instant; try again.',
  'error.PROXY_TO_SELF': 'You cannot give your vote to yourself.',
  'error.PROXY_CHAIN': 'A proxy cannot be passed on: choose a member who holds no proxy and gave none.',
  'error.TOO_MANY_PROXIES': 'This member already holds the most proxies allowed.',
  'error.VOTE_GIVEN_BY_PROXY': 'You gave your vote by proxy: take the proxy back to vote yourself.',
  'error.RESULTS_HIDDEN': 'The results stay hidden until voting closes.',
  'error.PROPOSAL_HAS_BALLOTS': 'A proposal can no longer be withdrawn once someone voted.',
  'error.COLLEGE_NAME_TAKEN': 'The cooperative already has a college of that name.',
  'error.COLLEGE_WEIGHTS_OVER_100': 'Together, the colleges’ weights may not exceed 100 %.',
  'error.COLLEGE_MEMBER_TAKEN': 'A member votes in one college at most: remove them from their college first.',
  'error.COLLEGE_NOT_A_MEMBER': 'Only the cooperative’s voting members can be placed in a college.',
  'error.LICENCE_REQUIRED': 'The cooperative needs a valid licence for this.',
  'error.LICENCE_EXPIRED': 'The cooperative’s licence has expired.',
  'error.COOP_SUSPENDED': 'The cooperative is suspended.',
  'error.COOP_NOT_WORKER_OWNED': 'The cooperative no longer meets the worker-owned condition.',
  'error.SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Try again shortly.',
  'error.MALFORMED_JSON': 'The request could not be read. Reload the page and try again.',
  'error.PAYLOAD_TOO_LARGE': 'What you sent is too large.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'This kind of file or content is not accepted.',
  'error.INVALID_ID': 'This link or identifier is not valid.',
  'error.ROUTE_NOT_FOUND': 'This action is not available on the server (yet).',
  'error.IDEMPOTENCY_KEY_REUSED': 'This request was already sent with different content.',
  'error.IDEMPOTENCY_IN_PROGRESS': 'This request is still being processed. Wait a moment.',

  'common.yes': 'Yes',
  'common.no': 'No',

  // each feature's texts live next to it (features/<domain>/data/<domain>.en.ts)
  ...homeEn,
  ...peopleEn,
  ...merchantsEn,
  ...federationEn,
  ...licenceEn,
  ...zonesEn,
  ...pricingEn,
  ...fleetEn,
  ...dispatchEn,
  ...courierAppEn,
  ...trackingEn,
  ...boardEn,
  ...governanceEn,
  ...partnersEn,
} as const;

export type TranslationKey = keyof typeof en;
export type Dictionary = Record<TranslationKey, string>;
