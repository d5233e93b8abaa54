import { HOME_CARDS, homeCardsFor } from './home-cards';

describe('home cards', () => {
  const ids = (...roles: Parameters<typeof homeCardsFor>[0]): string[] => homeCardsFor(roles).map((c) => c.id);

  it('gives a coop admin the standing and people cards first', () => {
    expect(ids('coop_admin', 'member')).toEqual(['coop-standing', 'people', 'couriers', 'proposals-open']);
  });

  it('gives a federation admin the applications and coops cards', () => {
    expect(ids('federation_admin')).toEqual(['applications', 'coops']);
  });

  it('gives the roles whose domain is not built a card that says what will appear', () => {
    expect(ids('dispatcher')).toEqual(['couriers', 'dispatch-next']);
    expect(ids('courier')).toEqual(['my-courier', 'deliveries-next']);
    const dispatch = HOME_CARDS.find((c) => c.id === 'dispatch-next');
    expect(dispatch?.inputs).toEqual({
      cardId: 'dispatch-next',
      heading: 'home.dispatch.title',
      body: 'home.dispatch.body',
    });
  });

  it('leads merchant staff to their merchants’ stock first', () => {
    expect(ids('merchant_staff')).toEqual(['merchant-stock', 'orders-today']);
  });

  it('shows each card once for several roles, and none without a role', () => {
    expect(ids('coop_admin', 'coop_admin')).toEqual(['coop-standing', 'people', 'couriers']);
    expect(ids()).toEqual([]);
  });
});
