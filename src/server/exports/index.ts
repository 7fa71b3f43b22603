export { beijingDateStamp, download } from './download.ts';
export { RESULTS_CSV_HEADER, resultsCsv } from './results-csv.ts';
