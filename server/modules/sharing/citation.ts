import type { Citation } from '../../../shared/contracts/sharing.ts';

/** Citation keys: duplicates ("the same item") and the journal a copy counts against for CONTU. */

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "The same item" for duplicates: the catalog cluster, else an identifier, else the folded citation. */
export function itemKeyOf(c: Citation, clusterId: string | null) {
  if (clusterId) return `cluster:${clusterId}`;
  const article = c.articleTitle ? `|${fold(c.articleTitle)}|${fold(c.volume)}|${fold(c.pages)}` : '';
  if (c.isbn) return `isbn:${c.isbn.replace(/[^0-9xX]/g, '')}${article}`;
  if (c.issn) return `issn:${c.issn.replace(/[^0-9xX]/g, '')}${article}`;
  if (c.oclc) return `oclc:${c.oclc.replace(/\D/g, '')}${article}`;
  return `title:${fold(c.title)}|${fold(c.author)}${article}`;
}

/** The journal a copy counts against for CONTU (articles only). */
export const journalOf = (c: Citation) => (c.articleTitle ? fold(c.title) : null);
