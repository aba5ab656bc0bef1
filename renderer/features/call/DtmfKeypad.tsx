import { useState } from 'react';

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** The in-call keypad: each key sends its tone at once (IVR menus, PINs). */
export function DtmfKeypad({ onDigit }: { onDigit: (digit: string) => void }) {
  const [sent, setSent] = useState('');
  return (
    <div className="dtmf">
      <div className="keypad" role="group" aria-label="Keypad">
        {KEYPAD_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="keypad-key"
            aria-label={`Send digit ${key}`}
            onClick={() => {
              onDigit(key);
              setSent((s) => (s + key).slice(-24));
            }}
          >
            {key}
          </button>
        ))}
      </div>
      {sent && (
        <p className="dtmf-sent" aria-live="polite">
          Sent: <span className="dtmf-digits">{sent}</span>
        </p>
      )}
    </div>
  );
}
