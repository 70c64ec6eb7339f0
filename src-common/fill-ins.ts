/**
 * The fill-ins of a standard answer, "{isi:perkiraan tanggal rilis}": what only the officer knows.
 * Rendering a template leaves them in the text; the composer asks for each (one answer per label)
 * and refuses to send while one is left.
 */
const FILL_IN = /\{isi:([^{}\n]{1,80})\}/g;

/** The labels, in order of first appearance, once each. */
export const fillInsOf = (text: string): string[] => [...new Set([...text.matchAll(FILL_IN)].map((m) => m[1]!.trim()))];

/** The text with each label's fill-ins replaced by its answer; labels without an answer stay. */
export function fillIn(text: string, answers: Readonly<Record<string, string>>): string {
  return text.replace(FILL_IN, (whole, label: string) => {
    const answer = answers[label.trim()]?.trim();
    return answer ? answer : whole;
  });
}
