import { SHARING_TEXTS_EN, type SharingTextCode } from '../../../../shared/contracts/sharing-texts.ts';

/**
 * English texts of the server's codes (rota reasons, engine notes, analytics definitions): the server's own
 * English templates under `ill.text.<code>` (merged into sharingEn in messages.en.ts).
 */
export const sharingTextsEn = Object.fromEntries(
  Object.entries(SHARING_TEXTS_EN).map(([code, text]) => [`ill.text.${code}`, text]),
) as { [C in SharingTextCode as `ill.text.${C}`]: string };
