import { describe, expect, it } from 'vitest';
import { countryFromLocales } from '../../../../renderer/domain/computer-country';

describe('the country of the computer’s languages', () => {
  it('takes the region of the first language', () => {
    expect(countryFromLocales(['en-GB', 'en-US'])).toBe('GB');
    expect(countryFromLocales(['de-AT'])).toBe('AT');
  });

  it('takes the likely region of a language without one', () => {
    expect(countryFromLocales(['de'])).toBe('DE');
    expect(countryFromLocales(['ja'])).toBe('JP');
  });

  it('skips a region that is not a country (es-419, Latin America) for the next language', () => {
    expect(countryFromLocales(['es-419', 'es-MX'])).toBe('MX');
    expect(countryFromLocales(['es-419'])).toBe('US');
  });

  it('falls back to US when no language names a country, or one is not a language tag', () => {
    expect(countryFromLocales([])).toBe('US');
    expect(countryFromLocales(['not a tag!'])).toBe('US');
    expect(countryFromLocales(['not a tag!', 'fr-CA'])).toBe('CA');
  });
});
