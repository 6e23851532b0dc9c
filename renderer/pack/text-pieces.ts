/**
 * Long text cut into pieces a page can hold. The paginator breaks a table between its rows, never
 * inside one, so a decision of thousands of words must reach it as several rows: this cuts text at
 * its line breaks, then at the end of a sentence, then between words, and a run of characters
 * with no space in it (a long link) where it must.
 */

/** The text's paragraphs (its lines), trimmed, each cut into pieces of at most `most` characters. */
export function textPieces(text: string, most: number): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .flatMap((line) => {
      const pieces: string[] = [];
      let rest = line;
      while (rest !== '') {
        const [head, tail] = cutText(rest, most);
        pieces.push(head);
        rest = tail;
      }
      return pieces;
    });
}

/**
 * The first piece of one line of text, at most `most` characters (at least one), and the rest,
 * both trimmed: cut after the last sentence end in the second half of the piece, else at its last
 * space, else after `most` characters.
 */
export function cutText(line: string, most: number): [string, string] {
  const limit = Math.max(1, Math.floor(most));
  if (line.length <= limit) return [line.trim(), ''];
  const head = line.slice(0, limit + 1);
  let at = -1;
  for (const match of head.matchAll(/[.!?;](?=\s)/g)) {
    if (match.index >= limit / 2 && match.index < limit) at = match.index + 1;
  }
  if (at < 0) {
    const space = head.lastIndexOf(' ');
    at = space > 0 ? space : limit;
  }
  return [line.slice(0, at).trim(), line.slice(at).trim()];
}
