import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ErrorCode } from '@federacycle/contracts';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { CONTEXTUAL_CODES, ERROR_MESSAGE_KEYS, problemMessage, toApiProblem } from './api-error';
import { problemText, toProblemText } from './problem-text';

const body = (status: number, code: string, message = 'server says', extra: object = {}): HttpErrorResponse =>
  new HttpErrorResponse({ status, error: { statusCode: status, code, message, ...extra } });

describe('toApiProblem / problemMessage', () => {
  it('reads the code, message, field errors and Retry-After of a 429', () => {
    const problem = toApiProblem(
      new HttpErrorResponse({
        status: 429,
        headers: new HttpHeaders({ 'Retry-After': '30' }),
        error: { statusCode: 429, code: 'RATE_LIMITED', message: 'slow down' },
      }),
    );
    expect(problem).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
      serverMessage: 'slow down',
      fieldErrors: [],
      retryAfterSeconds: 30,
    });
    expect(problemMessage(problem)).toEqual({ key: 'error.RATE_LIMITED', params: { seconds: 30 } });
  });

  it('keeps the field errors of VALIDATION_FAILED', () => {
    const errors = [{ field: 'email', code: 'isEmail', message: 'email must be an email' }];
    const problem = toApiProblem(body(400, 'VALIDATION_FAILED', 'bad', { errors }));
    expect(problem.fieldErrors).toEqual(errors);
    expect(problemMessage(problem)).toEqual({ key: 'error.VALIDATION_FAILED' });
  });

  it('maps a network failure and a non-API body to generic messages', () => {
    expect(problemMessage(toApiProblem(new HttpErrorResponse({ status: 0 })))).toEqual({ key: 'error.network' });
    expect(problemMessage(toApiProblem(new HttpErrorResponse({ status: 502, error: '<html>' })))).toEqual({
      key: 'error.generic',
    });
    // a JSON body without a code is not the API's: its message is not shown
    expect(
      problemMessage(toApiProblem(new HttpErrorResponse({ status: 502, error: { message: 'Bad gateway' } }))),
    ).toEqual({ key: 'error.generic' });
  });
});

describe('the error-code message map', () => {
  const t = (key: keyof typeof en): string => en[key];

  it('gives every code of the contracts a message that exists in English and in French', () => {
    for (const code of Object.values(ErrorCode)) {
      const key = ERROR_MESSAGE_KEYS[code];
      expect(key).toBeDefined();
      expect(en[key]).toBeTruthy();
      expect(fr[key]).toBeTruthy();
    }
  });

  it('gives distinct codes their own message, not one generic text', () => {
    const generic = new Set(Object.values(ErrorCode).filter((c) => ERROR_MESSAGE_KEYS[c] === 'error.generic'));
    expect([...generic]).toEqual(['INTERNAL']);
  });

  it('shows the server’s reason for a code whose meaning depends on the action', () => {
    const refused = body(409, 'CONFLICT', 'You cannot disable your own membership');
    expect(toProblemText(t, refused)).toBe('You cannot disable your own membership');
    expect(toProblemText(t, body(409, 'ILLEGAL_TRANSITION', 'The coop is already offboarded'))).toBe(
      'The coop is already offboarded',
    );
    // without a message, the code's own text
    expect(toProblemText(t, new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'CONFLICT' } }))).toBe(
      en['error.CONFLICT'],
    );
    expect([...CONTEXTUAL_CODES].sort()).toEqual(['CONFLICT', 'ILLEGAL_TRANSITION']);
  });

  it('prefers the translated message for a specific code over the server’s English', () => {
    expect(toProblemText(t, body(401, 'INVALID_CREDENTIALS', 'Invalid credentials'))).toBe('Wrong email or password.');
    expect(toProblemText(t, body(403, 'COOP_SUSPENDED', 'suspended'))).toBe('The cooperative is suspended.');
  });

  it('shows the server’s message for a code this console does not know yet', () => {
    expect(toProblemText(t, body(422, 'SOMETHING_NEW', 'A new rule says no'))).toBe('A new rule says no');
  });

  it('lets a call site give a code its own message (translated, e.g. disabling oneself)', () => {
    const problem = toApiProblem(body(409, 'CONFLICT', 'You cannot disable your own membership'));
    const frT = (key: keyof typeof fr): string => fr[key];
    expect(problemText(frT, problem, { CONFLICT: 'people.cannotDisableSelf' })).toBe(fr['people.cannotDisableSelf']);
  });
});
