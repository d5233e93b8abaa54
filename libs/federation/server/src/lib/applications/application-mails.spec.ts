import { decisionMail, invitationMail, localeFromAcceptLanguage, receivedMail, roleLabels } from './application-mails';

describe('application mails', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-GB,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE,fr;q=0.7,en;q=0.5', 'fr'],
    ['de-DE,en;q=0.7,fr;q=0.9', 'fr'],
    ['fr;q=0,en', 'en'],
    ['es, de', 'en'],
    ['*', 'en'],
  ])('Accept-Language %j → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it('names roles by their labels, never their codes', () => {
    expect(roleLabels('en', ['coop_admin', 'member'])).toBe('Coop admin, Member');
    expect(roleLabels('fr', ['coop_admin', 'member'])).toBe('Administrateur·rice, Membre');
    const invitation = invitationMail('fr', 'Vélo Nantes', ['coop_admin', 'member'], 7);
    expect(invitation.text).toContain('Administrateur·rice, Membre');
    expect(invitation.text).not.toContain('coop_admin');
  });

  it('writes every application mail in English and in French', () => {
    expect(receivedMail('fr', 'X').subject).toBe('Votre candidature à Federacycle : X');
    expect(receivedMail('en', 'X').subject).toBe('Your application to Federacycle: X');
    for (const event of ['start_review', 'approve', 'reject'] as const) {
      const en = decisionMail('en', event, 'X', 'why');
      const fr = decisionMail('fr', event, 'X', 'why');
      expect(en.subject).not.toBe(fr.subject);
      expect(en.text).not.toBe(fr.text);
    }
    expect(decisionMail('fr', 'reject', 'X', 'Statuts incomplets').text).toContain('Motif : Statuts incomplets');
  });
});
