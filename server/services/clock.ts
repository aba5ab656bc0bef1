/** The time, as a port: tests move it to expire invitations and tokens without waiting. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
