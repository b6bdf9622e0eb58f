/**
 * How an author is shown in the terminal and the reports: the name only (authors are keyed by e-mail inside the
 * analysis; a summary pasted into a ticket or a slide should not carry personal addresses), or
 * `Name <e-mail>` with --show-emails.
 */
import type { AnalysisResult } from './analysis-result.js';

export function authorLabel(result: AnalysisResult, showEmails: boolean): (id: string) => string {
  const names = new Map((result.model.history?.authors ?? []).map((a) => [a.id, a.name]));
  return (id) => {
    const name = names.get(id) ?? (id.includes('@') ? id.slice(0, id.indexOf('@')) : id);
    return showEmails && id.includes('@') ? `${name} <${id}>` : name;
  };
}
