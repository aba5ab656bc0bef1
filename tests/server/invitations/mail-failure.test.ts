import { describe, expect, it } from 'vitest';
import { mailFailureIn, mailFailureOf, sendErrorText } from '../../../server/mail/mail-failure';

describe('why an invitation email did not go out', () => {
  it('names nodemailer failures as codes the admin’s app can put into words', () => {
    const failure = (code: string, message = 'boom', responseCode?: number) => Object.assign(new Error(message), { code, responseCode });
    expect(mailFailureOf(failure('ESOCKET', 'connect ECONNREFUSED 127.0.0.1:25'))).toBe('mail-server-unreachable');
    expect(mailFailureOf(failure('ETIMEDOUT', 'Greeting never received'))).toBe('mail-server-unreachable');
    expect(mailFailureOf(failure('EAUTH', 'Invalid login: 535 Authentication failed', 535))).toBe('mail-login-refused');
    expect(mailFailureOf(failure('EENVELOPE', "Can't send mail - all recipients were rejected: 550", 550))).toBe('recipient-refused');
    expect(mailFailureOf(failure('EMESSAGE', '552 Message too big', 552))).toBe('mail-refused');
    expect(mailFailureOf('not even an error')).toBe('mail-refused');
  });

  it('keeps the code with the server’s words, and reads it back; older rows without a code still read as a failure', () => {
    const stored = sendErrorText(Object.assign(new Error('connect\n ECONNREFUSED'), { code: 'ESOCKET' }));
    expect(stored).toBe('[mail-server-unreachable] connect ECONNREFUSED');
    expect(mailFailureIn(stored)).toBe('mail-server-unreachable');
    expect(mailFailureIn('connect ECONNREFUSED')).toBe('mail-refused');
    expect(mailFailureIn('[made-up] x')).toBe('mail-refused');
    expect(mailFailureIn(null)).toBeNull();
  });
});
