import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, textPieces } from '../../../renderer/pack/text-pieces';

describe('textPieces', () => {
  it('keeps short text whole, one piece a line, spaces tidied and blank lines dropped', () => {
    expect(textPieces('  Fund it.  ', 50)).toEqual(['Fund it.']);
    expect(textPieces('First line.\n\n  Second   line. \r\nThird.', 50)).toEqual([
      'First line.',
      'Second line.',
      'Third.',
    ]);
    expect(textPieces(' \n ', 50)).toEqual([]);
  });

  it('cuts a long line at the end of a sentence in the second half of a piece', () => {
    const text = 'One two three four. Five six seven eight nine. Ten eleven.';
    expect(textPieces(text, 30)).toEqual([
      'One two three four.',
      'Five six seven eight nine.',
      'Ten eleven.',
    ]);
  });

  it('cuts between words without a sentence end, and inside a word with no space', () => {
    expect(textPieces('alpha beta gamma delta epsilon', 12)).toEqual([
      'alpha beta',
      'gamma delta',
      'epsilon',
    ]);
    expect(textPieces('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('never makes a piece longer than asked, and loses no word', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.stringMatching(/^[a-z]{1,30}$/),
            fc.constantFrom('.', '!', ' ', '\n', '  ', ': '),
          ),
          { maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 60 }),
        (parts, most) => {
          const text = parts.join(' ');
          const pieces = textPieces(text, most);
          expect(pieces.every((piece) => piece.length <= most && piece === piece.trim())).toBe(
            true,
          );
          expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
    );
  });
});

describe('cutText', () => {
  it('gives the first piece and the rest, with no space added inside a word it cuts', () => {
    expect(cutText('Short.', 10)).toEqual(['Short.', '']);
    expect(cutText('First part. Second part', 15)).toEqual(['First part.', 'Second part']);
    expect(cutText('abcdefghij', 4)).toEqual(['abcd', 'efghij']);
    expect(cutText('abc', 0)).toEqual(['a', 'bc']);
  });
});
