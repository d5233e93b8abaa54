import './global-setup';

export default async function globalTeardown(): Promise<void> {
  const target = globalThis.__FC_E2E_TARGET__;
  globalThis.__FC_E2E_TARGET__ = undefined;
  if (target) {
    await target.stop();
    delete process.env['E2E_BASE_URL'];
  }
}
