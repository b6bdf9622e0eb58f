/**
 * Progress callback shared by every long stage: a stage name, how far it got, and optionally what it
 * counts (`2,041 statements`, `18,929 commits`, `report.html`).
 */
export type ProgressListener = (event: { stage: string; done: number; total: number; detail?: string }) => void;
