// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTextEntry, keyTargetOf } from '../../../../renderer/components/key-target';

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
}

describe('what a key means to the element that has it', () => {
  it('knows text fields, and whether the agent has typed anything in them yet', () => {
    for (const html of ['<input type="text">', '<input>', '<input type="search">', '<input type="tel">', '<input type="email">', '<input type="url">', '<input type="password">', '<input type="number">', '<textarea></textarea>']) {
      expect(keyTargetOf(element(html)), html).toEqual({ kind: 'text', empty: true });
    }
    expect(keyTargetOf(element('<input type="text" value="020">'))).toEqual({ kind: 'text', empty: false });
    expect(keyTargetOf(element('<textarea>Call back</textarea>'))).toEqual({ kind: 'text', empty: false });
  });

  it('counts contenteditable as text, inside it too, but not where editing is switched off', () => {
    expect(keyTargetOf(element('<div contenteditable="true"></div>'))).toEqual({ kind: 'text', empty: true });
    expect(keyTargetOf(element('<div contenteditable="true"><p>note</p></div>').querySelector('p'))).toEqual({ kind: 'text', empty: false });
    expect(keyTargetOf(element('<div contenteditable="true"><span contenteditable="false">x</span></div>').querySelector('span'))).toEqual({ kind: 'text', empty: false });
    expect(keyTargetOf(element('<div contenteditable="false">x</div>'))).toEqual({ kind: 'none' });
  });

  it('tells pickers that take typed characters from controls that take none', () => {
    for (const html of ['<select><option>1</option></select>', '<input type="date">', '<input type="time">', '<input type="month">', '<input type="week">', '<input type="datetime-local">']) {
      expect(keyTargetOf(element(html)), html).toEqual({ kind: 'value-picker' });
    }
    for (const html of ['<input type="checkbox">', '<input type="radio">', '<input type="range">', '<input type="color">', '<input type="file">', '<input type="button">', '<input type="submit">', '<input type="reset">']) {
      expect(keyTargetOf(element(html)), html).toEqual({ kind: 'control' });
    }
    for (const target of [element('<button>Call</button>'), element('<a href="#">x</a>'), document.body, null]) {
      expect(keyTargetOf(target)).toEqual({ kind: 'none' });
    }
  });

  it('says typed characters are the agent’s in text fields, even empty ones, and in pickers, not on controls', () => {
    expect(isTextEntry(element('<input type="text">'))).toBe(true);
    expect(isTextEntry(element('<select><option>1</option></select>'))).toBe(true);
    expect(isTextEntry(element('<input type="date">'))).toBe(true);
    expect(isTextEntry(element('<div contenteditable="true"></div>'))).toBe(true);
    expect(isTextEntry(element('<input type="checkbox">'))).toBe(false);
    expect(isTextEntry(element('<button>Keypad</button>'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
