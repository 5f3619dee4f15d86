/**
 * Expected summaries are written with ordinary spaces, for readability; this puts in the
 * no-break spaces the renderers (and Intl 'fr-FR') use: U+202F between thousands, U+00A0
 * before "€" and "%". french-text.unit.spec.ts checks those code points without it.
 */
export function frenchTypeset(text: string): string {
  return text.replace(/(\d) (?=\d{3}\b)/g, '$1\u202f').replace(/ (€|%)/g, '\u00a0$1');
}
