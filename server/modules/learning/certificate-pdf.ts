import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../platform/auth/principal.ts';

export type CertificateFacts = {
  code: string;
  recipientName: string;
  organizationName: string;
  title: string;
  contactHours: number;
  competencyArea: string;
  completedOn: string;
  verifyUrl: string;
};

const words = {
  en: {
    heading: 'Certificate of attendance',
    certifies: 'This certifies that',
    of: 'of',
    attended: 'attended',
    hours: (h: number) => `${h} contact hour${h === 1 ? '' : 's'}`,
    area: 'Competency area',
    completed: 'Completed on',
    verify: 'Check this certificate at',
    code: 'Certificate code',
    qr: 'QR code linking to the verification page of this certificate',
    issuer: 'Amigos Commons — continuing education for library staff',
  },
  es: {
    heading: 'Certificado de asistencia',
    certifies: 'Se certifica que',
    of: 'de',
    attended: 'asistió a',
    hours: (h: number) => `${h} hora${h === 1 ? '' : 's'} de contacto`,
    area: 'Área de competencia',
    completed: 'Fecha de finalización',
    verify: 'Verifique este certificado en',
    code: 'Código del certificado',
    qr: 'Código QR que lleva a la página de verificación de este certificado',
    issuer: 'Amigos Commons — formación continua para el personal de bibliotecas',
  },
} as const;

/**
 * A tagged PDF (structure tree, document language, title shown in the window, alt text on the QR code)
 * so screen readers read it in order. Standard fonts cover English and Spanish (WinAnsi).
 */
export async function certificatePdf(
  f: CertificateFacts,
  locale: Locale,
  areaLabel: string,
): Promise<Buffer> {
  const w = words[locale];
  const qr = await QRCode.toBuffer(f.verifyUrl, { margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 60,
    tagged: true,
    pdfVersion: '1.7',
    lang: locale === 'es' ? 'es-US' : 'en-US',
    displayTitle: true,
    info: { Title: `${w.heading} — ${f.title}`, Author: 'Amigos Commons', Subject: f.code },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 120;
  const p = (text: string, size: number, font = 'Helvetica', gap = 0.6) =>
    root.add(
      doc.struct('P', {}, () => {
        doc.font(font).fontSize(size).text(text, 60, undefined, { width, align: 'center' });
        doc.moveDown(gap);
      }),
    );
  root.add(
    doc.struct('H1', {}, () => {
      doc
        .font('Helvetica-Bold')
        .fontSize(32)
        .fillColor('#0b3d66')
        .text(w.heading, 60, 70, { width, align: 'center' });
      doc.moveDown(0.8);
    }),
  );
  doc.fillColor('#1b1b1b');
  p(w.certifies, 14);
  p(f.recipientName, 26, 'Helvetica-Bold', 0.2);
  p(`${w.of} ${f.organizationName}`, 14);
  p(w.attended, 14, 'Helvetica', 0.2);
  p(f.title, 20, 'Helvetica-Bold');
  p(`${w.hours(f.contactHours)} · ${w.area}: ${areaLabel} · ${w.completed}: ${f.completedOn}`, 13);
  root.add(
    doc.struct('Figure', { alt: w.qr }, () => {
      doc.image(qr, 60, doc.page.height - 190, { width: 110 });
    }),
  );
  root.add(
    doc.struct('P', {}, () => {
      doc
        .font('Helvetica')
        .fontSize(11)
        .text(`${w.code}: ${f.code}`, 190, doc.page.height - 170, { width: width - 140 })
        .text(`${w.verify} ${f.verifyUrl}`, { width: width - 140, link: f.verifyUrl, underline: true })
        .moveDown(0.5)
        .text(w.issuer, { width: width - 140 });
    }),
  );
  root.end();
  doc.end();
  return done;
}
