import { firstNameOf, trackingViewOf, type TrackedTask, type TrackingFacts } from './tracking-view';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000);

const pickup = (state: TrackedTask['state']): TrackedTask => ({
  id: 'p',
  kind: 'pickup',
  state,
  seq: 0,
  superseded: false,
  address: 'Pickup',
  lat: 45.7625,
  lng: 4.8339,
  windowAfter: null,
  windowBefore: null,
  serviceMinutes: 5,
});
const dropoff = (state: TrackedTask['state']): TrackedTask => ({
  id: 'd',
  kind: 'dropoff',
  state,
  seq: 1,
  superseded: false,
  address: '10 cours Vitton',
  lat: 45.7699,
  lng: 4.8531,
  windowAfter: at(30),
  windowBefore: at(90),
  serviceMinutes: 2,
});

const TOKEN = 'tok_en-123';
const facts = (tasks: TrackedTask[], extra: Partial<TrackingFacts> = {}): TrackingFacts => ({
  token: TOKEN,
  coopName: 'Vélo Lyon',
  state: 'in_progress',
  createdAt: at(-60),
  updatedAt: at(-1),
  tasks,
  events: [
    { taskId: 'p', type: 'assigned', at: at(-50) },
    { taskId: 'd', type: 'assigned', at: at(-50) },
  ],
  courier: { displayName: 'Camille  Martin', vehicle: 'bike', position: { lat: 45.764, lng: 4.8357, at: at(-1) } },
  proofs: [],
  handoverCode: null,
  ...extra,
});

describe('the tracking view', () => {
  it('keeps the first word of a name', () => {
    expect(firstNameOf('  Camille  Martin ')).toBe('Camille');
  });

  it('shows no courier before the pickup is done, and the window as the ETA', () => {
    const view = trackingViewOf(facts([pickup('assigned'), dropoff('assigned')]), NOW);
    expect(view.courier).toBeNull();
    expect(view.eta).toEqual({ at: at(90).toISOString(), basis: 'window' });
    expect(view.timeline.map((e) => e.step)).toEqual(['created', 'assigned', 'picked_up', 'on_the_way', 'delivered']);
    expect(view.timeline[2]?.at).toBeNull();
  });

  it('shows the first name, the position and an ETA from it once picked up, never before the window opens', () => {
    const f = facts([pickup('done'), dropoff('assigned')]);
    f.events = [...f.events, { taskId: 'p', type: 'done', at: at(-5) }];
    const view = trackingViewOf(f, NOW);
    expect(view.courier).toEqual({ firstName: 'Camille', lat: 45.764, lng: 4.8357, at: at(-1).toISOString() });
    // ~1.6 km at 15 km/h is ~7 minutes, but the window opens in 30
    expect(view.eta).toEqual({ at: at(30).toISOString(), basis: 'position' });
    expect(view.timeline.find((e) => e.step === 'picked_up')?.at).toBe(at(-5).toISOString());
  });

  it('rides from the position when the window is open, and hides a stale position', () => {
    const open = dropoff('started');
    open.windowAfter = null;
    const f = facts([pickup('done'), open]);
    const eta = Date.parse(trackingViewOf(f, NOW).eta?.at ?? '');
    expect(eta).toBeGreaterThan(NOW + 4 * 60_000);
    expect(eta).toBeLessThan(NOW + 10 * 60_000);
    const stale = facts([pickup('done'), open], {
      courier: { displayName: 'Camille', vehicle: 'bike', position: { lat: 45.7, lng: 4.8, at: at(-30) } },
    });
    const view = trackingViewOf(stale, NOW);
    expect(view.courier).toEqual({ firstName: 'Camille', lat: null, lng: null, at: null });
    expect(view.eta?.basis).toBe('window');
  });

  it('ends with delivered, failed or cancelled, and no courier nor ETA', () => {
    const done = facts([pickup('done'), dropoff('done')], { state: 'completed' });
    done.events = [...done.events, { taskId: 'd', type: 'done', at: at(-2) }];
    const view = trackingViewOf(done, NOW);
    expect(view.timeline.at(-1)).toEqual({ step: 'delivered', at: at(-2).toISOString() });
    expect([view.courier, view.eta]).toEqual([null, null]);
    const failed = trackingViewOf(facts([pickup('done'), dropoff('failed')], { state: 'failed' }), NOW);
    expect(failed.timeline.at(-1)?.step).toBe('failed');
    const cancelled = trackingViewOf(facts([pickup('cancelled'), dropoff('cancelled')], { state: 'cancelled' }), NOW);
    expect(cancelled.timeline.at(-1)?.step).toBe('cancelled');
  });

  it('lists the proofs, each through this token, only once the delivery is completed', () => {
    const proofs = [
      { id: 'a1', kind: 'photo' as const, at: at(-3) },
      { id: 'b2', kind: 'signature' as const, at: at(-2) },
    ];
    const done = trackingViewOf(facts([pickup('done'), dropoff('done')], { state: 'completed', proofs }), NOW);
    expect(done.proofs).toEqual([
      { id: 'a1', kind: 'photo', url: `/api/track/${TOKEN}/proofs/a1`, at: at(-3).toISOString() },
      { id: 'b2', kind: 'signature', url: `/api/track/${TOKEN}/proofs/b2`, at: at(-2).toISOString() },
    ]);
    for (const [tasks, state] of [
      [[pickup('done'), dropoff('started')], 'in_progress'],
      [[pickup('done'), dropoff('failed')], 'failed'],
      [[pickup('cancelled'), dropoff('cancelled')], 'cancelled'],
    ] as const) {
      expect(trackingViewOf(facts([...tasks], { state, proofs }), NOW).proofs).toEqual([]);
    }
  });

  it('shows the handover code while the delivery is open or under way, never after', () => {
    const code = { handoverCode: '042917' };
    expect(trackingViewOf(facts([pickup('assigned'), dropoff('assigned')], code), NOW).handoverCode).toBe('042917');
    expect(trackingViewOf(facts([pickup('open'), dropoff('open')], { ...code, state: 'open' }), NOW).handoverCode).toBe(
      '042917',
    );
    expect(trackingViewOf(facts([pickup('done'), dropoff('started')], code), NOW).handoverCode).toBe('042917');
    for (const [tasks, state] of [
      [[pickup('done'), dropoff('done')], 'completed'],
      [[pickup('done'), dropoff('failed')], 'failed'],
      [[pickup('cancelled'), dropoff('cancelled')], 'cancelled'],
      // the dropoff already done while the delivery's state catches up: no door left to open
      [[pickup('done'), dropoff('done')], 'in_progress'],
    ] as const) {
      expect(trackingViewOf(facts([...tasks], { ...code, state }), NOW).handoverCode).toBeNull();
    }
    // a coop whose policy is not `code`: the service passes no code at all
    expect(trackingViewOf(facts([pickup('done'), dropoff('started')]), NOW).handoverCode).toBeNull();
  });
});
