import { describe, expect, it } from 'vitest';
import { escapeHtml, MESSAGES } from './messages.ts';

describe('mail messages', () => {
  it('writes an invitation with the link in the text and the HTML, and the expiry in UTC', () => {
    const mail = MESSAGES.invitation({
      name: 'Ana',
      workspaceName: 'Orbit',
      role: 'cluster_manager',
      invitedBy: 'Carla',
      link: 'http://localhost:3000/accept-invitation?token=abc',
      expiresAt: '2026-12-04T10:30:00.000Z',
    });
    expect(mail.subject).toBe('You are invited to Orbit on SPACE2ID Hub');
    expect(mail.text).toContain('as cluster manager');
    expect(mail.text).toContain('http://localhost:3000/accept-invitation?token=abc');
    expect(mail.text).toContain('2026-12-04 10:30 UTC');
    expect(mail.html).toContain('href="http://localhost:3000/accept-invitation?token=abc"');
  });

  it('escapes names in the HTML, so a name cannot inject markup', () => {
    const mail = MESSAGES.passwordReset({
      name: '<img src=x onerror=alert(1)>',
      link: 'http://localhost:3000/reset-password?token=a&b',
      expiresAt: '2026-12-04T10:30:00.000Z',
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('token=a&amp;b');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes the password-reset mail in the account’s language, the link and expiry kept', () => {
    const values = {
      name: 'Zoë',
      link: 'http://localhost:3000/reset-password?token=abc',
      expiresAt: '2026-12-04T10:30:00.000Z',
    };
    const french = MESSAGES.passwordReset(values, 'fr');
    expect(french.subject).toBe('Réinitialiser votre mot de passe SPACE2ID Hub');
    expect(french.text).toContain('Bonjour Zoë,');
    expect(french.text).toContain('http://localhost:3000/reset-password?token=abc');
    expect(french.text).toContain('2026-12-04 10:30 UTC');
    expect(MESSAGES.passwordReset(values, 'el').html).toContain('Επιλογή νέου κωδικού');
    expect(MESSAGES.passwordReset(values).subject).toBe('Reset your SPACE2ID Hub password');
  });
});
