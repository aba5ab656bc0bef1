import { z } from 'zod';
import type { FieldProblem } from './field-errors';

/** A chosen audio device: remembered by id, recognised again by label when ids change. */
export const deviceChoiceSchema = z.object({ id: z.string().max(512), label: z.string().max(512) });
export type DeviceChoice = z.infer<typeof deviceChoiceSchema>;

const fields = {
  /**
   * ISO 3166 country for numbers typed without a +country code, as the agent
   * chose it; null (the default) follows the computer's language settings,
   * which only the window knows, so the window resolves it.
   */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'country-invalid' satisfies FieldProblem).nullable(),
  /** Bring the window forward when a call comes in. */
  bringWindowForward: z.boolean(),
  /** How keypad digits are sent during a call. */
  dtmfMode: z.enum(['rfc4733', 'info']),
  audio: z.object({
    microphone: deviceChoiceSchema.nullable(),
    speaker: deviceChoiceSchema.nullable(),
    ringer: deviceChoiceSchema.nullable(),
    /** Also ring on the default speaker, for an agent whose headset is off. */
    ringOnSpeakerToo: z.boolean(),
  }),
  notifications: z.object({
    incomingCall: z.boolean(),
    missedCall: z.boolean(),
  }),
};

export const preferencesSchema = z.object(fields);
export type Preferences = z.infer<typeof preferencesSchema>;

/** A change to some preferences; nested objects are replaced whole. No defaults: absent means unchanged. */
export const preferencesPatchSchema = z.object(fields).partial();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

export const DEFAULT_PREFERENCES: Preferences = {
  defaultCountry: null,
  bringWindowForward: true,
  dtmfMode: 'rfc4733',
  audio: { microphone: null, speaker: null, ringer: null, ringOnSpeakerToo: false },
  notifications: { incomingCall: true, missedCall: true },
};
