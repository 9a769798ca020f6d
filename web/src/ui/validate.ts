/** Small client-side checks; messages come from the caller's translations. */
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
export const isZip = (value: string) => /^\d{5}(-\d{4})?$/.test(value.trim());
export const isUrl = (value: string) => {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};
/** '' → null; digits → integer; anything else → NaN (reported as invalid). */
export const parseWholeNumber = (value: string): number | null => {
  const text = value.trim().replace(/[,\s]/g, '');
  if (!text) return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
};
export const PASSWORD_MIN = 12;
