/** Catalog interoperability: SRU/CQL today (see docs/decisions/0010-interop.md). */
export { interopRoutes } from './routes.ts';
export { parseCql, type CqlQuery, type CqlNode } from './cql/parser.ts';
export { CqlSyntaxError } from './cql/lexer.ts';
