export {
  type AssignmentBody,
  AssignmentBodySchema,
  AssignmentDeleteBodySchema,
  type AssignmentUpdateBody,
  AssignmentUpdateBodySchema,
} from './assignment-body.ts';
export {
  assignmentLead,
  assignmentService,
  assignmentStartPolicy,
  type AssignmentService,
  attemptsThisRound,
  checkAssignmentAccess,
} from './assignment-service.ts';
export { loadAssignmentBoard, type MyAssignment, myAssignments } from './assignment-views.ts';
