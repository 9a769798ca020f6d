import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../platform/auth/principal.ts';
import type { Citation } from '../../../shared/contracts/sharing.ts';
import type { PostalAddress } from '../members/tables.ts';

/**
 * One slip: only what the lender's staff need to pull and ship the item. Built from the lending side's
 * view of a request, so there is no field for patron data at all.
 */
export type PullSlip = {
  number: string;
  serviceType: 'loan' | 'copy';
  rush: boolean;
  needBefore: string | null;
  answerBy: string | null;
  citation: Citation;
  /** The lending library's own items of the record: where to find it on the shelf. */
  shelves: { location: string; callNumber: string }[];
  borrower: { name: string; symbol: string; address: PostalAddress | null; courierStop: string | null };
};

export type PullSlipSheet = { lender: { name: string; symbol: string }; slips: PullSlip[] };

const words = {
  en: {
    title: (lender: string) => `Pull slips — ${lender}`,
    loan: 'Loan',
    copy: 'Copy (article or chapter)',
    rush: 'RUSH',
    needBefore: 'Needed before',
    answerBy: 'Answer by',
    author: 'Author',
    edition: 'Edition',
    ids: 'ISBN / ISSN / OCLC',
    article: 'Article',
    in: 'In',
    shelf: 'Location and call number',
    noShelf: 'Not recorded in the catalog',
    shipTo: 'Ship to',
    courier: 'Courier stop',
    qr: (n: string) => `QR code with the request number ${n}`,
  },
  es: {
    title: (lender: string) => `Boletas de retiro — ${lender}`,
    loan: 'Préstamo',
    copy: 'Copia (artículo o capítulo)',
    rush: 'URGENTE',
    needBefore: 'Se necesita antes del',
    answerBy: 'Responder antes del',
    author: 'Autor',
    edition: 'Edición',
    ids: 'ISBN / ISSN / OCLC',
    article: 'Artículo',
    in: 'En',
    shelf: 'Ubicación y signatura',
    noShelf: 'No consta en el catálogo',
    shipTo: 'Enviar a',
    courier: 'Parada de mensajería',
    qr: (n: string) => `Código QR con el número de solicitud ${n}`,
  },
} as const;

const MARGIN = 40;
const QR_SIZE = 84;

/**
 * Two slips per Letter page (cut along the dashed line), as a tagged PDF: structure tree, document
 * language, title shown in the window, alt text on each QR code (which holds only the request number).
 * Standard fonts cover English and Spanish (WinAnsi). Long fields are cut with an ellipsis so a slip
 * never runs into the next one.
 */
export async function pullSlipsPdf(sheet: PullSlipSheet, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  const title = w.title(`${sheet.lender.name} (${sheet.lender.symbol})`);
  const qrs = await Promise.all(sheet.slips.map((s) => QRCode.toBuffer(s.number, { margin: 1, width: 200 })));
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    autoFirstPage: false,
    tagged: true,
    pdfVersion: '1.7',
    lang: locale === 'es' ? 'es-US' : 'en-US',
    displayTitle: true,
    info: { Title: title, Author: 'Amigos Commons', Subject: sheet.slips.map((s) => s.number).join(', ') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const root = doc.struct('Document');
  doc.addStructure(root);

  sheet.slips.forEach((slip, i) => {
    if (i % 2 === 0) doc.addPage();
    const half = doc.page.height / 2;
    const top = i % 2 === 0 ? MARGIN : half + MARGIN;
    const bottom = top + half - 2 * MARGIN;
    if (i % 2 === 1) {
      // Decoration only: an artifact, not part of the reading order.
      doc.markContent('Artifact', { type: 'Layout' });
      doc
        .save()
        .dash(4, { space: 4 })
        .moveTo(MARGIN, half)
        .lineTo(doc.page.width - MARGIN, half)
        .stroke();
      doc.undash().restore();
      doc.endMarkedContent();
    }
    drawSlip(doc, root, slip, qrs[i]!, w, top, bottom);
  });
  root.end();
  doc.end();
  return done;
}

type Words = (typeof words)[Locale];

function drawSlip(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  slip: PullSlip,
  qr: Buffer,
  w: Words,
  top: number,
  bottom: number,
) {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN - QR_SIZE - 16;
  const c = slip.citation;
  const section = doc.struct('Sect');
  root.add(section);
  const para = (text: string, size = 10, font = 'Helvetica', lines = 1) => {
    if (doc.y > bottom - size) return;
    section.add(
      doc.struct('P', {}, () => {
        doc
          .font(font)
          .fontSize(size)
          .text(text, left, doc.y, { width, height: size * 1.25 * lines, ellipsis: true });
      }),
    );
  };
  section.add(
    doc.struct('H1', {}, () => {
      doc.font('Helvetica-Bold').fontSize(24).fillColor('#000').text(slip.number, left, top, { width });
    }),
  );
  section.add(
    doc.struct('Figure', { alt: w.qr(slip.number) }, () => {
      doc.image(qr, doc.page.width - MARGIN - QR_SIZE, top, { width: QR_SIZE });
    }),
  );
  const service = slip.serviceType === 'loan' ? w.loan : w.copy;
  para([service, slip.rush ? w.rush : ''].filter(Boolean).join(' · '), 13, 'Helvetica-Bold');
  const dates = [
    slip.needBefore ? `${w.needBefore}: ${slip.needBefore}` : '',
    slip.answerBy ? `${w.answerBy}: ${slip.answerBy.slice(0, 16).replace('T', ' ')} UTC` : '',
  ].filter(Boolean);
  if (dates.length) para(dates.join(' · '), 10);
  doc.moveDown(0.4);
  para(c.title, 13, 'Helvetica-Bold', 2);
  if (c.author) para(`${w.author}: ${c.author}`);
  if (c.edition || c.publisher || c.year)
    para([c.edition && `${w.edition}: ${c.edition}`, c.publisher, c.year].filter(Boolean).join(' · '));
  if (c.articleTitle) {
    para(
      `${w.article}: ${c.articleTitle}${c.articleAuthor ? ` — ${c.articleAuthor}` : ''}`,
      10,
      'Helvetica',
      2,
    );
    const where = [c.volume && `vol. ${c.volume}`, c.issue && `no. ${c.issue}`, c.pages && `pp. ${c.pages}`];
    para(`${w.in}: ${[c.title, ...where].filter(Boolean).join(', ')}`);
  }
  if (c.isbn || c.issn || c.oclc) para(`${w.ids}: ${[c.isbn, c.issn, c.oclc].filter(Boolean).join(' · ')}`);
  doc.moveDown(0.4);
  const shelves = slip.shelves.slice(0, 4).map((s) => [s.location, s.callNumber].filter(Boolean).join(' · '));
  para(`${w.shelf}: ${shelves.filter(Boolean).join(' | ') || w.noShelf}`, 11, 'Helvetica-Bold', 2);
  doc.moveDown(0.4);
  const b = slip.borrower;
  const address = b.address
    ? [b.address.line1, b.address.line2, `${b.address.city}, ${b.address.state} ${b.address.postalCode}`]
    : [];
  para(`${w.shipTo}: ${b.name} (${b.symbol})`, 11, 'Helvetica-Bold');
  for (const line of address.filter(Boolean)) para(line!, 10);
  if (b.courierStop) para(`${w.courier}: ${b.courierStop}`);
  section.end();
}
