import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { FieldError } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      const unknown = code === 'whitelistValidation';
      out.push({
        field,
        code: unknown ? 'unknownField' : code,
        message: unknown ? `${field} is not an accepted field` : message,
      });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/**
 * Validates a plain value against a DTO class with the rules of the global ValidationPipe
 * (unknown fields refused, every problem listed as a field error): for what does not come through
 * the pipe (a JSON document inside a multipart part) and for unit tests of the DTOs.
 */
export function parseDto<T extends object>(cls: new () => T, value: unknown): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ApiException.validation([{ field: '', code: 'NOT_AN_OBJECT', message: 'The body must be a JSON object.' }]);
  }
  const instance = plainToInstance(cls, value);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw ApiException.validation(flatten(errors));
  return instance;
}
