/**
 * The fingerprint of a text: FNV-1a, 64 bits, over its UTF-16 code units, as 16 hex digits. The
 * same function the review pack uses (shared/pack/content.ts) to say which portfolio it was made
 * from; a snapshot keeps the fingerprint of its text, so that a changed text is told apart.
 *
 * The 64-bit hash is kept in four 16-bit limbs (low first), so every step is small-integer
 * arithmetic: the prime 0x100000001b3 is 2^40 + 0x1b3, so multiplying by it is multiplying each
 * limb by 0x1b3 plus the hash shifted up 40 bits, with the carries passed up and the top cut.
 */
export function textFingerprint(text: string): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let index = 0; index < text.length; index += 1) {
    h0 ^= text.charCodeAt(index);
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}
