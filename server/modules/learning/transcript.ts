import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Locale, Principal } from '../../platform/auth/principal.ts';
import type { OutsideTrainingFields, Transcript } from '../../../shared/contracts/learning.ts';
import * as q from './queries.ts';
import { toCsv } from './csv.ts';
import { areaLabel } from './labels.ts';
import { transcriptPdf } from './transcript-pdf.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;
const today = () => new Date().toISOString().slice(0, 10);
const yearsBefore = (date: string, years: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export const PROOF_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type Proof = { name: string; type: string; data: Buffer };

/**
 * The continuing-education transcript: certificates earned here plus self-reported outside training,
 * totalled for a period and checked against a rule (hours per N years, minimums per competency area).
 */
export class TranscriptService {
  constructor(private readonly ctx: AppContext) {}

  async rules() {
    return { items: await q.ceRules(this.ctx.db) };
  }

  async saveRule(code: string, values: Omit<Parameters<typeof q.upsertCeRule>[1], 'code'>) {
    return q.upsertCeRule(this.ctx.db, { code, ...values });
  }

  async transcript(
    p: Principal,
    query: { from?: string | undefined; to?: string | undefined; rule?: string | undefined; lang: Locale },
  ) {
    const rules = await q.ceRules(this.ctx.db);
    const rule = query.rule ? rules.find((r) => r.code === query.rule) : undefined;
    if (query.rule && !rule) throw notFound(`The rule “${query.rule}”`);
    const to = query.to ?? today();
    const from = query.from ?? yearsBefore(to, rule?.periodYears ?? 1);
    if (from > to)
      throw new AppError('VALIDATION_FAILED', 'The period must start before it ends.', [
        { path: 'querystring.to', message: 'must not be before from' },
      ]);
    const [certs, outside, person] = await Promise.all([
      q.certificatesOfUser(this.ctx.db, p.userId, from, to),
      q.outsideTrainingOf(this.ctx.db, p.userId, from, to),
      q.person(this.ctx.db, p.userId),
    ]);
    const entries = [
      ...certs.map((c) => ({
        kind: 'event' as const,
        id: c.id,
        title: query.lang === 'es' ? c.titleEs : c.titleEn,
        provider: 'Amigos Commons',
        completedOn: c.completedOn,
        contactHours: c.contactHours,
        competencyArea: c.competencyArea,
        certificateCode: c.code,
        proofName: null,
      })),
      ...outside.map((o) => ({ kind: 'outside' as const, ...o, certificateCode: null })),
    ].sort((a, b) => a.completedOn.localeCompare(b.completedOn));
    const byArea: Record<string, number> = {};
    for (const e of entries)
      byArea[e.competencyArea] = round2((byArea[e.competencyArea] ?? 0) + e.contactHours);
    const totalHours = round2(entries.reduce((sum, e) => sum + e.contactHours, 0));
    const shortfalls = rule
      ? Object.entries(rule.categoryMinimums)
          .map(([area, required]) => ({ area, required, earned: byArea[area] ?? 0 }))
          .filter((s) => s.earned < s.required)
      : [];
    return {
      person: { name: person!.displayName, organization: person!.organizationName },
      from,
      to,
      entries,
      totalHours,
      ceus: round2(totalHours / (rule?.hoursPerCeu ?? 10)),
      byArea,
      rule: rule
        ? {
            code: rule.code,
            name: query.lang === 'es' ? rule.nameEs : rule.nameEn,
            hoursRequired: rule.hoursRequired,
            met: totalHours >= rule.hoursRequired && shortfalls.length === 0,
            shortfalls,
          }
        : null,
    } satisfies Transcript;
  }

  async csv(p: Principal, query: Parameters<TranscriptService['transcript']>[1]) {
    const t = await this.transcript(p, query);
    return toCsv([
      ['completed_on', 'title', 'provider', 'kind', 'competency_area', 'contact_hours', 'certificate'],
      ...t.entries.map((e) => [
        e.completedOn,
        e.title,
        e.provider,
        e.kind,
        areaLabel(e.competencyArea, query.lang),
        e.contactHours,
        e.certificateCode,
      ]),
      ['', 'Total', '', '', '', t.totalHours, ''],
    ]);
  }

  async pdf(p: Principal, query: Parameters<TranscriptService['transcript']>[1]) {
    return transcriptPdf(await this.transcript(p, query), query.lang);
  }

  async listOutside(p: Principal) {
    return { items: await q.outsideTrainingOf(this.ctx.db, p.userId) };
  }

  async addOutside(p: Principal, fields: OutsideTrainingFields, proof: Proof | null) {
    if (fields.completedOn > today())
      throw new AppError('VALIDATION_FAILED', 'Outside training must already be completed.', [
        { path: 'body.completedOn', message: 'must not be in the future' },
      ]);
    const id = await q.insertOutsideTraining(this.ctx.db, {
      userId: p.userId,
      ...fields,
      proofName: proof?.name ?? null,
      proofType: proof?.type ?? null,
      proof: proof?.data ?? null,
    });
    return (await q.outsideTrainingOf(this.ctx.db, p.userId)).find((o) => o.id === id)!;
  }

  async proof(p: Principal, id: string) {
    const row = await q.findOutsideTraining(this.ctx.db, id);
    if (!row || row.userId !== p.userId || !row.proof) throw notFound('This proof');
    return { name: row.proofName!, type: row.proofType!, data: row.proof };
  }

  async removeOutside(p: Principal, id: string) {
    if (!(await q.deleteOutsideTraining(this.ctx.db, id, p.userId))) throw notFound('This training');
  }
}
