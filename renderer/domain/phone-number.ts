/*
 * Metadata bundle: `libphonenumber-js/min` (~80 KB of metadata) rather than
 * `/max` (~150 KB). We only need what min has — country calling codes,
 * possible lengths (to explain "too short"/"too long") and the formatting
 * rules for as-you-type — and we deliberately do not refuse a number that
 * has a possible length but fails max's per-type patterns: outdated
 * metadata must never stop an agent from dialling a real customer. The
 * PBX is the final judge; its answer comes back as a plain-words failure.
 */
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/min';

/**
 * What the agent typed into "Number or SIP address", classified:
 *
 * ```
 *  "" ─────────────────────────────► empty
 *  sip:/sips:…  or  name@host ──────► sip-uri        (dialled as is)
 *  alice (a SIP user name) ─────────► sip-user       (sip:alice@<account domain>)
 *  ≤ 6 digits, or * / # codes ──────► extension      (sip:1001@<account domain>)
 *  + or ≥ 7 digits ── possible ────► phone-number   (E.164 on the wire)
 *                    └ not possible ► invalid        (with a message to act on)
 * ```
 */
export type DialInput =
  | { kind: 'empty' }
  | { kind: 'extension'; digits: string }
  | {
      kind: 'phone-number';
      /** E.164, e.g. +442079460958: what goes on the wire. */
      e164: string;
      /** An extension pasted along ("ext. 12"); not dialled, the agent keys it in once connected. */
      extension: string | null;
    }
  | { kind: 'sip-user'; user: string }
  | { kind: 'sip-uri'; uri: string }
  | {
      kind: 'invalid';
      message: string;
      /** More typing could still make it valid ("too short", a SIP address without a server yet). */
      incomplete?: boolean;
    };

/** Longest number treated as an internal extension rather than a phone number. */
export const MAX_EXTENSION_DIGITS = 6;

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const SEPARATORS = /[\s\-.()/\u2010-\u2015\u2212\u00A0]/g;
const TRAILING_EXTENSION = /\s*[,;]?\s*(?:ext\.?|extension|x)\s*:?\s*(\d*)\s*$/i;
const SIP_URI = /^sips?:[^\s@]+@[^\s@]+$/i;
const BARE_ADDRESS = /^[^\s@:]+@[^\s@]+$/;
const SIP_USER = /^[a-z][a-z0-9._~-]*$/i;

/** A number as pasted from an e-mail, a CRM or a tel: link, without its decoration. */
export interface CleanedNumber {
  /** Digits (and a leading +, * or #): "(555) 010-0199" → "5550100199". */
  number: string;
  /** Digits after "ext", "x" or ";ext=", or null. */
  extension: string | null;
}

/**
 * Strips what people and web pages put around a number: invisible marks,
 * spaces, dashes, dots, brackets, a `tel:`/`callto:` prefix and its
 * parameters, and a trailing extension. Letters other than the extension
 * marker are kept, so that classification can say they are not allowed.
 */
export function cleanNumber(text: string): CleanedNumber {
  let rest = text.replace(INVISIBLE, '').trim();
  rest = rest.replace(/^(?:tel|callto):\s*/i, '');
  let extension: string | null = null;
  const params = rest.indexOf(';');
  if (params >= 0) {
    extension = /;ext=(\d+)/i.exec(rest)?.[1] ?? null;
    rest = rest.slice(0, params);
  }
  const ext = TRAILING_EXTENSION.exec(rest);
  if (ext && /\d/.test(rest.slice(0, ext.index))) {
    extension = ext[1] || extension;
    rest = rest.slice(0, ext.index);
  }
  return { number: rest.replace(SEPARATORS, ''), extension: extension || null };
}

/** The agent's country if libphonenumber knows it, else undefined (then a + is required). */
export function knownCountry(country: string): CountryCode | undefined {
  return isSupportedCountry(country) ? (country as CountryCode) : undefined;
}

/** Classifies dial input; see {@link DialInput}. Never throws. */
export function parseDialInput(text: string, defaultCountry: string): DialInput {
  const trimmed = text.replace(INVISIBLE, '').trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^sips?:/i.test(trimmed)) {
    return SIP_URI.test(trimmed)
      ? { kind: 'sip-uri', uri: trimmed.replace(/^sips?:/i, (scheme) => scheme.toLowerCase()) }
      : { kind: 'invalid', message: 'A SIP address needs a name and a server, like sip:1002@pbx.example.com', incomplete: true };
  }
  if (BARE_ADDRESS.test(trimmed)) return { kind: 'sip-uri', uri: `sip:${trimmed}` };
  if (SIP_USER.test(trimmed)) return { kind: 'sip-user', user: trimmed };

  const { number, extension } = cleanNumber(trimmed);
  if (number === '') return { kind: 'invalid', message: 'Type a number, an extension or a SIP address' };
  if (/[a-z]/i.test(number)) return { kind: 'invalid', message: 'Letters are not allowed in a phone number' };
  const stray = /[^\d+*#]/.exec(number);
  if (stray) return { kind: 'invalid', message: `“${stray[0]}” is not allowed in a phone number` };
  if (/.\+/.test(number)) return { kind: 'invalid', message: 'A + can only come at the start of a number' };
  if (/[*#]/.test(number)) {
    // Feature codes such as *97 (voicemail) or *72# are for the PBX.
    return number.startsWith('+')
      ? { kind: 'invalid', message: '* and # can only be used in short codes, not after +' }
      : { kind: 'extension', digits: number };
  }
  if (!number.startsWith('+') && number.length <= MAX_EXTENSION_DIGITS) return { kind: 'extension', digits: number };
  return parsePhoneNumber(number, extension, defaultCountry);
}

function parsePhoneNumber(number: string, extension: string | null, defaultCountry: string): DialInput {
  const country = knownCountry(defaultCountry);
  const international = number.startsWith('+');
  if (!international && !country) {
    return { kind: 'invalid', message: 'Start the number with + and the country code' };
  }
  const where = international ? `+${callingCodeOf(number)}` : (country as string);
  const problem = validatePhoneNumberLength(number, country);
  switch (problem) {
    case undefined:
      break;
    case 'TOO_SHORT':
      return { kind: 'invalid', message: `This number is too short for ${where}`, incomplete: true };
    case 'TOO_LONG':
      return { kind: 'invalid', message: `This number is too long for ${where}` };
    case 'INVALID_LENGTH':
      return { kind: 'invalid', message: `This number has the wrong number of digits for ${where}` };
    case 'INVALID_COUNTRY':
      return international
        ? { kind: 'invalid', message: `${where} is not a country code` }
        : { kind: 'invalid', message: 'Start the number with + and the country code' };
    case 'NOT_A_NUMBER':
      return { kind: 'invalid', message: 'This is not a phone number' };
  }
  const parsed = parsePhoneNumberFromString(number, country);
  if (!parsed) return { kind: 'invalid', message: 'This is not a phone number' };
  return { kind: 'phone-number', e164: parsed.number, extension };
}

/**
 * What goes into the dial field when the agent pastes: a number is
 * stripped of its decoration and formatted ("tel:+1-555-010-0199" →
 * "+1 555 010 0199"), keeping a pasted extension visible ("… ext. 12") so
 * the field can say it is not dialled; addresses and anything else are
 * only trimmed (the field then explains what is wrong with them).
 */
export function cleanPastedText(text: string, defaultCountry: string): string {
  const trimmed = text.replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
  if (/^sips?:/i.test(trimmed) || trimmed.includes('@')) return trimmed;
  const { number, extension } = cleanNumber(trimmed);
  if (!/^\+?[\d*#]+$/.test(number)) return trimmed;
  const formatted = formatAsYouType(number, defaultCountry);
  return extension ? `${formatted} ext. ${extension}` : formatted;
}

/** The calling code an international number starts with, as far as it can be told ("+4" → "4"). */
function callingCodeOf(number: string): string {
  const typed = new AsYouType();
  typed.input(number);
  return typed.getCallingCode() ?? number.slice(1, 4);
}

/**
 * Formats the dial field as the agent types: "2025550199" → "(202) 555-0199"
 * (US), "+442079460958" → "+44 20 7946 0958". Extensions stay plain digits;
 * SIP addresses and anything with letters are left exactly as typed.
 */
export function formatAsYouType(text: string, defaultCountry: string): string {
  if (!/^[\s\d+\-.()/]*$/.test(text) || /.\+/.test(text.trim())) return text;
  const digits = text.replace(/[^\d+]/g, '');
  if (digits === '' || (!digits.startsWith('+') && digits.length <= MAX_EXTENSION_DIGITS)) return digits;
  return new AsYouType(knownCountry(defaultCountry)).input(digits);
}

/**
 * How a number is shown to the agent: national format for their own
 * country, international otherwise; extensions, names and anything that is
 * not a possible number are shown unchanged.
 */
export function displayNumber(user: string, defaultCountry: string): string {
  const country = knownCountry(defaultCountry);
  if (!/^\+?\d{7,}$/.test(user)) return user;
  const parsed = parsePhoneNumberFromString(user, country);
  if (!parsed?.isPossible()) return user;
  return parsed.country === country && country ? parsed.formatNational() : parsed.formatInternational();
}

/** "+49" for DE: shown next to country names in the settings. */
export function callingCodeForCountry(country: string): string | null {
  const known = knownCountry(country);
  return known ? `+${getCountryCallingCode(known)}` : null;
}

export interface CountryOption {
  code: string;
  /** "Germany (+49)" */
  label: string;
}

/** Every country libphonenumber knows, by English name, for the "Default country" choice. */
export function countryOptions(): CountryOption[] {
  const names = regionNames();
  return getCountries()
    .map((code) => {
      const name = names?.of(code) ?? code;
      return { code, label: `${name} (+${getCountryCallingCode(code)})`, name };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map(({ code, label }) => ({ code, label }));
}

/** "United Kingdom" for GB; the code itself when the name is not known. */
export function countryName(code: string): string {
  try {
    return regionNames()?.of(code) ?? code;
  } catch {
    // Not a region code at all.
    return code;
  }
}

function regionNames(): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    // No ICU region names: the codes alone still work.
    return null;
  }
}
