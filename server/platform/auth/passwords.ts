import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a sign-in under ~50 ms on our 2-core machines.
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, options);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same effort for unknown accounts, so timing does not reveal which emails exist.
    await argon2.hash(password, options);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 12;
