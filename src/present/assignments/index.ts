export {
  type AssigneeStatus,
  assigneeStatus,
  type AssignmentDue,
  type AssignmentStatus,
  assignmentStatusLabels,
  type AttemptStanding,
  type CertificateStanding,
  datetimeLocalValue,
  lateText,
} from './assignee-status.ts';
export {
  type AssigneeRow,
  type AssignmentBoard,
  type AssignmentBoardInput,
  type AssignmentProgress,
  type AssignmentRecord,
  assignmentBoard,
  type OverdueRow,
} from './assignment-board.ts';
