import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../../../main/domain/notification-markup';

describe('caller names in Linux notifications', () => {
  it('shows markup in a caller name as text, not as a link or image', () => {
    expect(escapeMarkup('<a href="https://evil.example">Bank</a> & <img src=x>')).toBe(
      '&#60;a href=&#34;https://evil.example&#34;&#62;Bank&#60;/a&#62; &#38; &#60;img src=x&#62;',
    );
  });

  it('leaves ordinary names alone', () => {
    expect(escapeMarkup('Chloé García +1 555 0100')).toBe('Chloé García +1 555 0100');
  });
});
