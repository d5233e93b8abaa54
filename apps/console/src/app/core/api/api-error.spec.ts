import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { problemMessage, toApiProblem } from './api-error';

describe('toApiProblem / problemMessage', () => {
  it('reads the code, field errors and Retry-After of a 429', () => {
    const problem = toApiProblem(
      new HttpErrorResponse({
        status: 429,
        headers: new HttpHeaders({ 'Retry-After': '30' }),
        error: { statusCode: 429, code: 'RATE_LIMITED', message: 'slow down' },
      }),
    );
    expect(problem).toEqual({ status: 429, code: 'RATE_LIMITED', fieldErrors: [], retryAfterSeconds: 30 });
    expect(problemMessage(problem)).toEqual({ key: 'error.RATE_LIMITED', params: { seconds: 30 } });
  });

  it('keeps the field errors of VALIDATION_FAILED', () => {
    const errors = [{ field: 'email', code: 'isEmail', message: 'email must be an email' }];
    const problem = toApiProblem(
      new HttpErrorResponse({
        status: 400,
        error: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'bad', errors },
      }),
    );
    expect(problem.fieldErrors).toEqual(errors);
    expect(problemMessage(problem).key).toBe('error.VALIDATION_FAILED');
  });

  it('maps a network failure and an unknown body to generic messages', () => {
    expect(problemMessage(toApiProblem(new HttpErrorResponse({ status: 0 }))).key).toBe('error.network');
    expect(problemMessage(toApiProblem(new HttpErrorResponse({ status: 502, error: '<html>' }))).key).toBe(
      'error.generic',
    );
  });
});
