/**
 * The card-number rule of a patron request page, without zod: the server enforces it and the public page
 * checks it before sending, with the same result. Spaces and hyphens are ignored, letters compared in
 * upper case; the length includes the prefix.
 */
export type CardRules = { cardPrefix: string; cardMinLength: number; cardMaxLength: number };
export type CardProblem = 'characters' | 'prefix' | 'short' | 'long';

export const normalizeCard = (raw: string) => raw.replace(/[\s-]+/g, '').toUpperCase();

export function cardProblem(raw: string, rules: CardRules): CardProblem | null {
  const card = normalizeCard(raw);
  if (!/^[A-Z0-9]+$/.test(card)) return 'characters';
  if (rules.cardPrefix && !card.startsWith(rules.cardPrefix.toUpperCase())) return 'prefix';
  if (card.length < rules.cardMinLength) return 'short';
  if (card.length > rules.cardMaxLength) return 'long';
  return null;
}
