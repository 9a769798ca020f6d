/** The whole database schema, one import for Drizzle and drizzle-kit. Each module owns its tables. */
export * from '../tables.ts';
export * from '../../modules/members/tables.ts';
export * from '../../modules/accounts/tables.ts';
export * from '../../modules/catalog/tables.ts';
export * from '../../modules/learning/tables.ts';
export * from '../../modules/sharing/tables.ts';
export * from '../../modules/sharing/iso18626/tables.ts';
