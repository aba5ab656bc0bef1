import { KEYPAD_KEYS } from '../call/DtmfKeypad';

const LETTERS: Record<string, string> = { '2': 'ABC', '3': 'DEF', '4': 'GHI', '5': 'JKL', '6': 'MNO', '7': 'PQRS', '8': 'TUV', '9': 'WXYZ' };

/**
 * The dial pad: each key types its digit into the number field. Its name is
 * its visible digit (no aria-label), the letters being decoration: a
 * speech-control user who says "click 2" reaches it (axe's
 * label-content-name-mismatch: the name must contain what is shown).
 */
export function DialKeypad({ onKey }: { onKey: (key: string) => void }) {
  return (
    <div className="keypad dial-keypad" role="group" aria-label="Dial pad">
      {KEYPAD_KEYS.map((key) => (
        <button key={key} type="button" className="keypad-key" onClick={() => onKey(key)}>
          <span className="keypad-digit">{key}</span>
          <span className="keypad-letters" aria-hidden="true">
            {LETTERS[key] ?? '\u00A0'}
          </span>
        </button>
      ))}
    </div>
  );
}
