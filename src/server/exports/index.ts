export { beijingDateStamp, download } from './download.ts';
export { RESULTS_CSV_HEADER, resultsCsv } from './results-csv.ts';
export { certificatesCsv, traineesCsv } from './people-csv.ts';
