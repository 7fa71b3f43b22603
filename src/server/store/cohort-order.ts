// The ordering is presentation (src/present/cohort-order.ts); the store sorts its listings by it too.
export { compareCohorts } from '../../present/index.ts';
