/**
 * The attributes of a field a number or SIP address is typed into (the
 * dialer, the transfer picker): a phone keyboard on touch screens, and no
 * autocomplete, spelling or capitals getting in the way of an address.
 */
export const NUMBER_FIELD_PROPS = {
  type: 'text',
  inputMode: 'tel',
  autoComplete: 'off',
  spellCheck: false,
  autoCapitalize: 'off',
} as const;
