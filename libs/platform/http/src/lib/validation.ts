import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@federacycle/contracts';
import { ApiException } from './api-exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      const human = code === 'whitelistValidation' ? `${field} is not an accepted field` : message;
      out.push({ field, code: code === 'whitelistValidation' ? 'unknownField' : code, message: human });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/**
 * Global validation: unknown fields are rejected (not silently dropped), values are
 * transformed to their declared types, and every problem is reported per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => ApiException.validation(flatten(errors)),
  });
}
