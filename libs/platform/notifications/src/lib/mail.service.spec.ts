import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@federacycle/platform-config';
import { MailService, mailDirectory } from './mail.service';

describe('MailService without SMTP', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fc-mail-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('writes each mail as an .eml file under <dataDir>/mail', async () => {
    const service = new MailService({ smtpUrl: null, dataDir, mailFrom: 'Fc <no-reply@fc.test>' } as AppConfig);
    await service.send({
      to: 'ana@lyon.demo',
      subject: 'Reset',
      text: 'Open https://x/reset?token=abc',
      link: 'https://x/reset?token=abc',
    });
    const files = await readdir(mailDirectory(dataDir));
    expect(files).toHaveLength(1);
    const eml = await readFile(join(mailDirectory(dataDir), files[0] as string), 'utf8');
    expect(eml).toContain('To: ana@lyon.demo');
    expect(eml).toContain('Subject: Reset');
    expect(eml).toContain('https://x/reset?token=abc');
  });
});
