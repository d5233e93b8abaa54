import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreatePartnerClientDto } from './partner-clients.dto';

describe('CreatePartnerClientDto', () => {
  const errors = (body: object) => validateSync(plainToInstance(CreatePartnerClientDto, body)).map((e) => e.property);
  const valid = { name: 'Shop', kind: 'shop', scopes: ['deliveries'] };

  it('accepts a named client of a known kind with known scopes', () => {
    expect(errors(valid)).toEqual([]);
    expect(
      errors({ ...valid, name: 'x'.repeat(120), scopes: ['deliveries', 'webhooks'], rateLimitPerMinute: 60 }),
    ).toEqual([]);
    expect(errors({ ...valid, merchantId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' })).toEqual([]);
  });

  it('refuses a bad name, kind, merchant, scope list or rate limit', () => {
    expect(errors({ ...valid, name: '' })).toEqual(['name']);
    expect(errors({ ...valid, name: 'x'.repeat(121) })).toEqual(['name']);
    expect(errors({ ...valid, kind: 'bank' })).toEqual(['kind']);
    expect(errors({ ...valid, merchantId: 'store-1' })).toEqual(['merchantId']);
    expect(errors({ ...valid, scopes: [] })).toEqual(['scopes']);
    expect(errors({ ...valid, scopes: ['admin'] })).toEqual(['scopes']);
    expect(errors({ ...valid, scopes: ['webhooks', 'webhooks'] })).toEqual(['scopes']);
    expect(errors({ ...valid, rateLimitPerMinute: 0 })).toEqual(['rateLimitPerMinute']);
    expect(errors({ ...valid, rateLimitPerMinute: 1.5 })).toEqual(['rateLimitPerMinute']);
  });
});
