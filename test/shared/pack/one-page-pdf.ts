/** A small PDF for tests of what is done to printed packs. */

/** A one-page PDF as a browser writes one: a classic cross-reference table and an Info. */
export function onePagePdf(creator = 'HeadlessChrome'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 10 40 Td (Hello board) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Creator (${creator}) /Producer (Skia/PDF m156) /CreationDate (D:20261204004058+00'00') /ModDate (D:20261204004058+00'00') >>`,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R\n/Info 6 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(text);
}
