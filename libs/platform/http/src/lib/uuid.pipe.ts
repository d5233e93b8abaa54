import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiException } from './api-exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Path ids must be UUIDs: anything else is a 400 INVALID_ID, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new ApiException(400, 'INVALID_ID', `"${String(value).slice(0, 60)}" is not a valid id`);
    return value.toLowerCase();
  }
}
