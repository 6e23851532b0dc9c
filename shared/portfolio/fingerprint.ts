/**
 * The fingerprint of a text: FNV-1a, 64 bits, over its UTF-16 code units, as 16 hex digits. The
 * same function the review pack uses (shared/pack/content.ts) to say which portfolio it was made
 * from; a snapshot keeps the fingerprint of its text, so that a changed text is told apart.
 */
export function textFingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
