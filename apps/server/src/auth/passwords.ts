import bcrypt from 'bcryptjs';

/** Hashes and checks passwords with bcrypt (pure JS: no native module to build). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a null hash (unknown email, or no password set), after as much work as a real check. */
  verify(password: string, hash: string | null): Promise<boolean>;
}

/** Production cost; tests pass a lower one to stay fast. */
export const defaultPasswordCost = 10;

export function createPasswordHasher(cost: number = defaultPasswordCost): PasswordHasher {
  // Compared against when there is no hash, so a miss takes as long as a wrong password.
  const decoy = bcrypt.hashSync('decoy password that matches nothing', cost);
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async verify(password, hash) {
      const matches = await bcrypt.compare(password, hash ?? decoy);
      return hash !== null && matches;
    },
  };
}
