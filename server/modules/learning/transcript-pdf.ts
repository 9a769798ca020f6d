import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/auth/principal.ts';
import type { Transcript } from '../../../shared/contracts/learning.ts';
import { areaLabel } from './labels.ts';

const words = {
  en: {
    heading: 'Continuing-education transcript',
    period: 'Period',
    total: 'Total contact hours',
    ceus: 'CEUs',
    outside: 'self-reported',
    rule: 'Requirement',
    met: 'met',
    notMet: 'not yet met',
    byArea: 'Hours by competency area',
    none: 'No training recorded in this period.',
  },
  es: {
    heading: 'Expediente de formación continua',
    period: 'Período',
    total: 'Total de horas de contacto',
    ceus: 'CEU',
    outside: 'declarado por la persona',
    rule: 'Requisito',
    met: 'cumplido',
    notMet: 'aún no cumplido',
    byArea: 'Horas por área de competencia',
    none: 'No hay formación registrada en este período.',
  },
} as const;

/** A tagged PDF: heading, summary paragraphs and one list item per training, in reading order. */
export function transcriptPdf(t: Transcript, locale: Locale): Promise<Buffer> {
  const w = words[locale];
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    tagged: true,
    pdfVersion: '1.7',
    lang: locale === 'es' ? 'es-US' : 'en-US',
    displayTitle: true,
    info: { Title: `${w.heading} — ${t.person.name}`, Author: 'Amigos Commons' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const root = doc.struct('Document');
  doc.addStructure(root);
  const para = (text: string, size = 11, font = 'Helvetica') =>
    root.add(doc.struct('P', {}, () => void doc.font(font).fontSize(size).text(text).moveDown(0.4)));

  root.add(
    doc.struct('H1', {}, () => void doc.font('Helvetica-Bold').fontSize(20).text(w.heading).moveDown(0.3)),
  );
  para(`${t.person.name} — ${t.person.organization}`, 13, 'Helvetica-Bold');
  para(`${w.period}: ${t.from} – ${t.to}`);
  para(`${w.total}: ${t.totalHours} · ${w.ceus}: ${t.ceus}`, 12, 'Helvetica-Bold');
  if (t.rule) {
    const status = t.rule.met ? w.met : w.notMet;
    para(`${w.rule}: ${t.rule.name} (${t.rule.hoursRequired} h) — ${status}`);
  }
  const list = doc.struct('L');
  root.add(list);
  if (!t.entries.length) para(w.none);
  for (const e of t.entries) {
    list.add(
      doc.struct('LI', {}, () => {
        doc
          .font('Helvetica')
          .fontSize(10.5)
          .text(
            `${e.completedOn} · ${e.title} · ${e.provider}${e.kind === 'outside' ? ` (${w.outside})` : ''} · ` +
              `${areaLabel(e.competencyArea, locale)} · ${e.contactHours} h${e.certificateCode ? ` · ${e.certificateCode}` : ''}`,
          )
          .moveDown(0.3);
      }),
    );
  }
  list.end();
  root.add(
    doc.struct('H2', {}, () => void doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(w.byArea)),
  );
  for (const [area, hours] of Object.entries(t.byArea)) para(`${areaLabel(area, locale)}: ${hours} h`);
  root.end();
  doc.end();
  return done;
}
