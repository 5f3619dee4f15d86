import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { ClasDocument } from './document.js';

/** Every character that could open markup or an attribute is escaped: the texts come from callers (titles, reasons). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The document as a standalone HTML page (UTF-8, no script, no external resource). */
export function renderHtml(doc: ClasDocument): string {
  const e = escapeHtml;
  const lines = (items: string[], tag: string) => items.map((l) => `<${tag}>${e(l)}</${tag}>`).join('\n');
  const sections = doc.sections
    .map(
      (s) =>
        `<section>\n<h2>${e(s.heading)}</h2>\n${lines(s.paragraphs, 'p')}${s.items.length > 0 ? `\n<ul>\n${lines(s.items, 'li')}\n</ul>` : ''}\n</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${e(doc.title)} — ${e(doc.documentId)}</title>
<style>body{font-family:Helvetica,Arial,sans-serif;max-width:46em;margin:2em auto;line-height:1.4}.from,.to{margin:0}.to{text-align:right}h1{font-size:1.3em}h2{font-size:1.05em;margin-top:1.4em}</style>
</head>
<body>
<div class="from">${lines(doc.from, 'p')}</div>
<div class="to">${lines(doc.to, 'p')}</div>
<p class="date">${e(doc.dateLine)}</p>
<div class="references">${lines(doc.references, 'p')}</div>
<h1>${e(doc.title)}</h1>
<p class="subject">${e(doc.subject)}</p>
${sections}
<div class="closing">${lines(doc.closing, 'p')}</div>
<p class="document-id">Réf. ${e(doc.documentId)}</p>
</body>
</html>
`;
}

/**
 * The standard Helvetica of PDF readers uses WinAnsi encoding, which has no narrow no-break
 * space (U+202F, the French thousands separator) nor arrow: they become the no-break space and
 * "->" so every character prints.
 */
const pdfText = (text: string): string => text.replace(/\u202f/g, '\u00a0').replace(/\u2192/g, '->');

/**
 * The document as a PDF, reproducible byte for byte: no clock (CreationDate and ModDate are the
 * document's own date, and pdfkit derives the file ID from them), the standard fonts (nothing
 * embedded), and deflate, which is deterministic. Rendering the same model twice, today or in
 * ten years, gives the same bytes and so the same SHA-256.
 */
export function renderPdf(doc: ClasDocument): Promise<Buffer> {
  const issued = new Date(doc.issuedAt);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    // Uncompressed: deflate's output may change with the zlib a future Node ships, and the hash in the log must stay verifiable.
    compress: false,
    info: { Title: pdfText(doc.title), Author: pdfText(doc.from[0] ?? ''), Subject: doc.documentId, CreationDate: issued, ModDate: issued },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 112;
  pdf.font('Helvetica').fontSize(10);
  for (const line of doc.from) pdf.text(pdfText(line));
  pdf.moveDown();
  for (const line of doc.to) pdf.text(pdfText(line), { align: 'right', width });
  pdf.moveDown();
  pdf.text(pdfText(doc.dateLine), { align: 'right', width });
  pdf.moveDown();
  for (const line of doc.references) pdf.text(pdfText(line));
  pdf.moveDown();
  pdf.font('Helvetica-Bold').fontSize(14).text(pdfText(doc.title));
  pdf.font('Helvetica-Oblique').fontSize(10).text(pdfText(doc.subject));
  for (const s of doc.sections) {
    pdf.moveDown();
    pdf.font('Helvetica-Bold').fontSize(11).text(pdfText(s.heading));
    pdf.font('Helvetica').fontSize(10);
    // Left-aligned: a justified line is drawn word by word, and a reader copying the text would lose its spaces.
    for (const p of s.paragraphs) pdf.text(pdfText(p), { width });
    for (const item of s.items) pdf.text(`•  ${pdfText(item)}`, { width, indent: 0 });
  }
  pdf.moveDown();
  for (const line of doc.closing) pdf.text(pdfText(line));
  pdf.moveDown();
  pdf.fontSize(8).text(pdfText(`Réf. ${doc.documentId}`));
  pdf.end();
  return done;
}

/** SHA-256 in lower-case hex: what NotificationSent and AnnualAgreementSigned record. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
