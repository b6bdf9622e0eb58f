/** Progress callback shared by every long stage: a stage name and how far it got. */
export type ProgressListener = (event: { stage: string; done: number; total: number }) => void;
