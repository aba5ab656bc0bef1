import { describe, expect, it } from 'vitest';
import {
  cleanNumber,
  cleanPastedText,
  countryOptions,
  displayNumber,
  formatAsYouType,
  parseDialInput,
} from '../../../../renderer/domain/phone-number';

describe('what the agent typed: extensions, numbers and addresses', () => {
  it('takes up to six digits as an internal extension', () => {
    expect(parseDialInput('1002', 'US')).toEqual({ kind: 'extension', digits: '1002' });
    expect(parseDialInput(' 555010 ', 'US')).toEqual({ kind: 'extension', digits: '555010' });
  });

  it('takes star and hash codes for the PBX as they are', () => {
    expect(parseDialInput('*97', 'US')).toEqual({ kind: 'extension', digits: '*97' });
    expect(parseDialInput('*72#', 'US')).toEqual({ kind: 'extension', digits: '*72#' });
  });

  it('reads a national number in the default country and puts it in E.164', () => {
    expect(parseDialInput('(202) 555-0199', 'US')).toEqual({ kind: 'phone-number', e164: '+12025550199', extension: null });
    expect(parseDialInput('030 1234567', 'DE')).toMatchObject({ kind: 'phone-number', e164: '+49301234567' });
  });

  it('reads an international number whatever the default country', () => {
    expect(parseDialInput('+44 20 7946 0958', 'US')).toMatchObject({ kind: 'phone-number', e164: '+442079460958' });
    expect(parseDialInput('011 44 20 7946 0958', 'US')).toMatchObject({ kind: 'phone-number', e164: '+442079460958' });
    expect(parseDialInput('0044 20 7946 0958', 'DE')).toMatchObject({ kind: 'phone-number', e164: '+442079460958' });
  });

  it('accepts a number of a possible length even if it is not allocated (the PBX decides)', () => {
    expect(parseDialInput('555 010 0199', 'US')).toMatchObject({ kind: 'phone-number', e164: '+15550100199' });
  });

  it('dials a full SIP address as it is, and a bare user@host as a SIP address', () => {
    expect(parseDialInput('sip:alice@example.com', 'US')).toEqual({ kind: 'sip-uri', uri: 'sip:alice@example.com' });
    expect(parseDialInput('SIPS:alice@example.com;transport=ws', 'US')).toEqual({ kind: 'sip-uri', uri: 'sips:alice@example.com;transport=ws' });
    expect(parseDialInput('alice@example.com', 'US')).toEqual({ kind: 'sip-uri', uri: 'sip:alice@example.com' });
  });

  it('takes a plain name as a SIP user on the agent’s own server', () => {
    expect(parseDialInput('reception', 'US')).toEqual({ kind: 'sip-user', user: 'reception' });
  });

  it('sees nothing to dial in an empty field', () => {
    expect(parseDialInput('   ', 'US')).toEqual({ kind: 'empty' });
  });
});

describe('explaining input that cannot be dialled', () => {
  it('says a number is too short for the country, and that more digits may fix it', () => {
    expect(parseDialInput('555 0100', 'US')).toEqual({ kind: 'invalid', message: 'This number is too short for US', incomplete: true });
  });

  it('says a number is too long for the country', () => {
    expect(parseDialInput('202 555 0199 12345', 'US')).toMatchObject({ message: 'This number is too long for US' });
  });

  it('names the country code of an international number that is too short', () => {
    expect(parseDialInput('+44 20 79', 'US')).toMatchObject({ message: 'This number is too short for +44' });
  });

  it('says when a country code does not exist', () => {
    expect(parseDialInput('+999 1234567', 'US')).toMatchObject({ message: '+999 is not a country code' });
  });

  it('says letters are not allowed in a phone number', () => {
    expect(parseDialInput('1-800-FLOWERS', 'US')).toEqual({ kind: 'invalid', message: 'Letters are not allowed in a phone number' });
    expect(parseDialInput('555 12a4', 'US')).toMatchObject({ message: 'Letters are not allowed in a phone number' });
  });

  it('names a stray character', () => {
    expect(parseDialInput('555_0100', 'US')).toMatchObject({ message: '“_” is not allowed in a phone number' });
  });

  it('says a + only goes at the start', () => {
    expect(parseDialInput('44+2079460958', 'US')).toMatchObject({ message: 'A + can only come at the start of a number' });
  });

  it('asks for a server in a SIP address without one', () => {
    expect(parseDialInput('sip:alice', 'US')).toMatchObject({
      kind: 'invalid',
      message: 'A SIP address needs a name and a server, like sip:1002@pbx.example.com',
    });
  });

  it('asks for a country code when the default country is unknown', () => {
    expect(parseDialInput('2025550199', 'XX')).toMatchObject({ message: 'Start the number with + and the country code' });
    expect(parseDialInput('+1 202 555 0199', 'XX')).toMatchObject({ kind: 'phone-number', e164: '+12025550199' });
  });
});

describe('cleaning pasted numbers', () => {
  it('strips brackets, dashes, dots and spaces', () => {
    expect(cleanNumber('(555) 010-0199')).toEqual({ number: '5550100199', extension: null });
    expect(cleanNumber('+1.202.555.0199')).toEqual({ number: '+12025550199', extension: null });
  });

  it('drops a trailing "ext" marker and keeps the extension digits apart', () => {
    expect(cleanNumber('+44 20 7946 0958 ext')).toEqual({ number: '+442079460958', extension: null });
    expect(cleanNumber('+44 20 7946 0958 ext. 123')).toEqual({ number: '+442079460958', extension: '123' });
    expect(cleanNumber('202-555-0199 x12')).toEqual({ number: '2025550199', extension: '12' });
  });

  it('reads tel: links with their parameters', () => {
    expect(cleanNumber('tel:+1-202-555-0199')).toEqual({ number: '+12025550199', extension: null });
    expect(cleanNumber('tel:+12025550199;ext=42')).toEqual({ number: '+12025550199', extension: '42' });
  });

  it('removes invisible characters that web pages put around numbers', () => {
    expect(cleanNumber('\u202A+1 202\u00A0555\u20110199\u202C')).toEqual({ number: '+12025550199', extension: null });
  });

  it('formats a pasted number for the field, keeping an extension visible so the field can explain it', () => {
    expect(cleanPastedText('(555) 010-0199', 'US')).toBe('(555) 010-0199');
    expect(cleanPastedText('tel:+442079460958', 'US')).toBe('+44 20 7946 0958');
    expect(cleanPastedText('+44 20 7946 0958 ext 12', 'US')).toBe('+44 20 7946 0958 ext. 12');
    expect(cleanPastedText('  sip:alice@example.com ', 'US')).toBe('sip:alice@example.com');
  });

  it('a pasted number with an extension is dialled without it and says so', () => {
    expect(parseDialInput('+44 20 7946 0958 ext. 12', 'US')).toEqual({ kind: 'phone-number', e164: '+442079460958', extension: '12' });
  });
});

describe('formatting as the agent types', () => {
  it('formats a national number for the default country', () => {
    expect(formatAsYouType('202', 'US')).toBe('202');
    expect(formatAsYouType('2025550', 'US')).toBe('(202) 555-0');
    expect(formatAsYouType('2025550199', 'US')).toBe('(202) 555-0199');
    expect(formatAsYouType('02079460958', 'GB')).toBe('020 7946 0958');
  });

  it('formats an international number', () => {
    expect(formatAsYouType('+442079460958', 'US')).toBe('+44 20 7946 0958');
  });

  it('reformats from the digits when the agent edits a formatted number', () => {
    expect(formatAsYouType('(202) 555-01991', 'US')).toBe('20255501991');
    expect(formatAsYouType('(202) 555-019', 'US')).toBe('(202) 555-019');
  });

  it('leaves extensions, addresses and anything with letters as typed', () => {
    expect(formatAsYouType('1002', 'US')).toBe('1002');
    expect(formatAsYouType('sip:alice@example.com', 'US')).toBe('sip:alice@example.com');
    expect(formatAsYouType('555 CALL', 'US')).toBe('555 CALL');
  });
});

describe('showing numbers', () => {
  it('shows numbers of the agent’s own country in national format, others in international format', () => {
    expect(displayNumber('+12025550199', 'US')).toBe('(202) 555-0199');
    expect(displayNumber('+442079460958', 'US')).toBe('+44 20 7946 0958');
  });

  it('shows extensions and names unchanged', () => {
    expect(displayNumber('1002', 'US')).toBe('1002');
    expect(displayNumber('alice', 'US')).toBe('alice');
  });

  it('lists countries by name with their calling code', () => {
    const options = countryOptions();
    expect(options.find((o) => o.code === 'DE')?.label).toBe('Germany (+49)');
    expect(options.length).toBeGreaterThan(200);
  });
});
