import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateOrderingSampleDto } from './ordering-samples.dto';

describe('CreateOrderingSampleDto', () => {
  const errors = (body: object) => validateSync(plainToInstance(CreateOrderingSampleDto, body)).map((e) => e.property);

  it('accepts a label of 1 to 120 characters', () => {
    expect(errors({ label: 'x' })).toEqual([]);
    expect(errors({ label: 'x'.repeat(120) })).toEqual([]);
  });

  it('refuses a missing, empty, too long or non-text label', () => {
    expect(errors({})).toEqual(['label']);
    expect(errors({ label: '' })).toEqual(['label']);
    expect(errors({ label: 'x'.repeat(121) })).toEqual(['label']);
    expect(errors({ label: 42 })).toEqual(['label']);
  });
});
