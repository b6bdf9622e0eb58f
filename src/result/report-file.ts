/** What a reporter returns: files to write, relative to the output folder. Reporters never write. */
export interface ReportFile {
  name: string;
  content: string;
}
