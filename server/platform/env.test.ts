import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.ts';

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const env = loadEnv({});
    expect(env.databaseUrl).toBeUndefined();
    expect(env.port).toBe(3000);
    expect(env.baseUrl).toBe('http://localhost:3000');
    expect(env.seedDemo).toBe(true);
    expect(env.jobsMode).toBe('inline');
  });

  it('does not seed demo data into a server database unless asked', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://u@h/db' }).seedDemo).toBe(false);
    expect(loadEnv({ DATABASE_URL: 'postgres://u@h/db', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', SMTP_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ BASE_URL: 'not a url' }, 'BASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ JOBS_MODE: 'sometimes' }, 'JOBS_MODE'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
  ])('explains a bad value: %o', (source, name) => {
    expect(() => loadEnv(source)).toThrow(EnvError);
    try {
      loadEnv(source);
    } catch (error) {
      expect((error as EnvError).problems.join('\n')).toContain(name);
    }
  });

  it('marks cookies secure behind https', () => {
    expect(loadEnv({ BASE_URL: 'https://commons.example' }).secureCookies).toBe(true);
  });
});
