// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DIAL_FIELD_ATTRIBUTE, routeTypedKey, type TypedKey } from '../../../../../renderer/features/dialer/typed-digits';

const key = (k: string, more: Partial<TypedKey> = {}): TypedKey => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  isComposing: false,
  defaultPrevented: false,
  ...more,
});

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
}

describe('where a key typed on the Phone view goes', () => {
  it('puts digits, +, * and # in the number field when nothing or a button has focus', () => {
    expect(routeTypedKey(key('5'), document.body, null)).toEqual({ to: 'number', character: '5' });
    expect(routeTypedKey(key('+'), element('<button>Keypad</button>'), null)).toEqual({ to: 'number', character: '+' });
    expect(routeTypedKey(key('#'), element('<input type="checkbox">'), null)).toEqual({ to: 'number', character: '#' });
    expect(routeTypedKey(key('*'), null, null)).toEqual({ to: 'number', character: '*' });
  });

  it('sends digits, * and # as tones during a connected call, but not +', () => {
    expect(routeTypedKey(key('7'), document.body, 'c1')).toEqual({ to: 'tone', callId: 'c1', digit: '7' });
    expect(routeTypedKey(key('#'), element('<button>Mute</button>'), 'c1')).toEqual({ to: 'tone', callId: 'c1', digit: '#' });
    expect(routeTypedKey(key('+'), document.body, 'c1')).toEqual({ to: 'number', character: '+' });
  });

  it('never takes a key from a text input, textarea, select or contenteditable', () => {
    for (const html of ['<input type="text">', '<input type="search">', '<input>', '<textarea></textarea>', '<select><option>1</option></select>', '<div contenteditable="true"><p>x</p></div>']) {
      const target = element(html);
      expect(routeTypedKey(key('5'), target, null)).toBeNull();
      expect(routeTypedKey(key('5'), target, 'c1')).toBeNull();
    }
    expect(routeTypedKey(key('5'), element('<div contenteditable="true"><p>x</p></div>').querySelector('p'), null)).toBeNull();
  });

  it('during a call, sends tones from the number field while it is empty, and types into it once it has text', () => {
    const field = element(`<input type="text" ${DIAL_FIELD_ATTRIBUTE}>`) as HTMLInputElement;
    expect(routeTypedKey(key('1'), field, 'c1')).toEqual({ to: 'tone', callId: 'c1', digit: '1' });
    expect(routeTypedKey(key('1'), field, null)).toBeNull();
    field.value = '55';
    expect(routeTypedKey(key('1'), field, 'c1')).toBeNull();
  });

  it('ignores keys with Ctrl, Meta or Alt, held-down repeats, composition, and other keys', () => {
    expect(routeTypedKey(key('1', { ctrlKey: true }), document.body, null)).toBeNull();
    expect(routeTypedKey(key('1', { metaKey: true }), document.body, 'c1')).toBeNull();
    expect(routeTypedKey(key('1', { altKey: true }), document.body, null)).toBeNull();
    expect(routeTypedKey(key('1', { repeat: true }), document.body, 'c1')).toBeNull();
    expect(routeTypedKey(key('1', { isComposing: true }), document.body, null)).toBeNull();
    expect(routeTypedKey(key('1', { defaultPrevented: true }), document.body, null)).toBeNull();
    for (const other of ['a', 'Enter', ' ', 'F5', '-']) expect(routeTypedKey(key(other), document.body, null)).toBeNull();
  });
});
