import { applicationBody, siren, startFederationHarness, submit, type FederationHarness } from './federation-harness';

describe('the anonymous application form: rate limits and the pending cap', () => {
  let h: FederationHarness;
  let fed: string;
  const count = async () =>
    Number((await h.su.query<{ n: string }>('select count(*) as n from coop_applications')).rows[0]?.n);
  /** the number of mails written, once the background ones have landed (two equal reads apart) */
  const mailCount = async () => {
    let last = -1;
    for (;;) {
      const now = (await h.mails()).length;
      if (now === last) return now;
      last = now;
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  let next = 10_000_000;
  /** a valid application of its own registration number */
  const body = (email: string) =>
    applicationBody({ registrationNumber: siren(String((next += 1))), admin: { name: 'Applicant', email } });

  beforeAll(async () => {
    h = await startFederationHarness();
    await h.insertUser('fed@fc.test', [], ['federation_admin']);
    fed = await h.signIn('fed@fc.test');
  });
  beforeEach(() => h.resetThrottle());
  afterAll(() => h?.close());

  it('limits applications per client IP (10 an hour, counted before the multipart body is read): 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i += 1) {
      // invalid ones count too (no application part): nothing is stored for them
      const res = await submit(h, undefined);
      expect([i, res.status]).toEqual([i, 400]);
    }
    const before = await count();
    const mails = await mailCount();
    const refused = await submit(h, body('first@ip.test'));
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(refused.body.message).toMatch(/try again in \d+ seconds/);
    expect(await count()).toBe(before);
    expect(await mailCount()).toBe(mails);
    // the limit is the IP's, whatever the email
    expect((await submit(h, body('other@ip.test'))).status).toBe(429);
    // (a JSON body is refused before anything is read or counted: 415)
    const json = await h.http().post('/api/public/applications').send(body('other@ip.test'));
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('caps the applications awaiting a decision per admin email (3): 409 TOO_MANY_PENDING_APPLICATIONS, any case', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await submit(h, body('busy@cap.test'));
      expect([i, res.status]).toEqual([i, 201]);
    }
    const before = await count();
    const mails = await mailCount();
    const fourth = await submit(h, body('Busy@CAP.test'));
    expect([fourth.status, fourth.body.code]).toEqual([409, 'TOO_MANY_PENDING_APPLICATIONS']);
    expect(fourth.body.message).toMatch(/awaiting a decision/);
    expect(await count()).toBe(before);
    expect(await mailCount()).toBe(mails);
    // another email is not concerned
    expect((await submit(h, body('calm@cap.test'))).status).toBe(201);
    // once the federation decided on one, the email may apply again
    const pending = await h.su.query<{ id: string }>(
      "select id from coop_applications where admin_email = 'busy@cap.test' order by submitted_at limit 1",
    );
    const id = pending.rows[0]?.id as string;
    const auth = { Authorization: `Bearer ${fed}` };
    expect((await h.http().post(`/api/federation/applications/${id}/start-review`).set(auth)).status).toBe(200);
    // under review still awaits a decision
    expect((await submit(h, body('busy@cap.test'))).status).toBe(409);
    const rejected = await h
      .http()
      .post(`/api/federation/applications/${id}/reject`)
      .set(auth)
      .send({ reason: 'Not a cooperative' });
    expect(rejected.status).toBe(200);
    // (a new hour: the email's rate limit, counted above, starts again)
    await h.resetThrottle();
    expect((await submit(h, body('busy@cap.test'))).status).toBe(201);
  });

  it('limits applications per admin email (5 an hour) whatever their outcome: 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i += 1) expect((await submit(h, body('flood@mail.test'))).status).toBe(201);
    // the 4th and 5th reach the cap, and count
    for (let i = 0; i < 2; i += 1) expect((await submit(h, body('flood@mail.test'))).status).toBe(409);
    const sixth = await submit(h, body('FLOOD@mail.test'));
    expect([sixth.status, sixth.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('holds the pending cap when five submissions of one email arrive at once: exactly 3 stored, 2 refused', async () => {
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(h, body('rush@cap.test'))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'TOO_MANY_PENDING_APPLICATIONS')).toBe(
      true,
    );
    expect((await count()) - before).toBe(3);
  });
});
