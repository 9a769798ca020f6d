/** Patron data never reaches the message log: redaction of stored bodies, and a pretty printer for staff. */

/** The same XML with the content of every patronInfo element removed. Not yet implemented. */
export function redactPatron(xml: string): string {
  return xml;
}

/** Indents XML for the staff message log. Not yet implemented. */
export function prettyPrint(xml: string): string {
  return xml;
}
