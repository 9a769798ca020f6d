import { xml } from './records.ts';

/** SRU 1.2 (LoC zing namespace) and 2.0 (OASIS searchRetrieve namespaces) differ only in names here. */
export type SruVersion = '1.2' | '2.0';

export const NS = {
  '1.2': { sru: 'http://www.loc.gov/zing/srw/', diag: 'http://www.loc.gov/zing/srw/diagnostic/' },
  '2.0': {
    sru: 'http://docs.oasis-open.org/ns/search-ws/sruResponse',
    diag: 'http://docs.oasis-open.org/ns/search-ws/diagnostic',
  },
} as const;

export type Diagnostic = { code: number; details?: string; message: string };

export const DIAGNOSTIC_MESSAGES: Record<number, string> = {
  1: 'General system error',
  4: 'Unsupported operation',
  6: 'Unsupported parameter value',
  7: 'Mandatory parameter not supplied',
  8: 'Unsupported parameter',
  10: 'Query syntax error',
  16: 'Unsupported index',
  19: 'Unsupported relation',
  27: 'Empty term unsupported',
  36: 'Term in invalid format for index or relation',
  37: 'Unsupported boolean operator',
  61: 'First record position out of range',
  66: 'Unknown schema for retrieval',
  71: 'Unsupported record packing',
};

export function diag(code: number, details?: string, message?: string): Diagnostic {
  return { code, details, message: message ?? DIAGNOSTIC_MESSAGES[code] ?? 'Error' };
}

export function diagnosticsXml(version: SruVersion, list: Diagnostic[]): string {
  if (list.length === 0) return '';
  const items = list
    .map(
      (d) =>
        `<diag:diagnostic xmlns:diag="${NS[version].diag}"><diag:uri>info:srw/diagnostic/1/${d.code}</diag:uri>` +
        (d.details !== undefined ? `<diag:details>${xml(d.details)}</diag:details>` : '') +
        `<diag:message>${xml(d.message)}</diag:message></diag:diagnostic>`,
    )
    .join('');
  return `<zs:diagnostics>${items}</zs:diagnostics>`;
}

/**
 * A response document: root element in the version's namespace; version element only in 1.2. The prefix is
 * `zs`, as the Library of Congress servers write it: some clients (npm's sru-client) match prefixed names.
 */
export function document(version: SruVersion, root: string, body: string, namespace?: string): string {
  const v = version === '1.2' ? '<zs:version>1.2</zs:version>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<zs:${root} xmlns:zs="${namespace ?? NS[version].sru}">` +
    `${v}${body}</zs:${root}>\n`
  );
}

export const el = (name: string, value: string | number) => `<zs:${name}>${xml(String(value))}</zs:${name}>`;
