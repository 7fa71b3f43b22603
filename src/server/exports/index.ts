export { beijingDateStamp, download, textStream } from './download.ts';
export { RESULTS_CSV_HEADER, resultsCsv, resultsCsvPieces } from './results-csv.ts';
export { certificatesCsv, traineesCsv } from './people-csv.ts';
