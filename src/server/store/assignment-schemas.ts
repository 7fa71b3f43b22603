import { z } from 'zod';
import type { Assignment } from './assignment-types.ts';

const Millis = z.number().int().nonnegative();

export const AssignmentSchema = z.object({
  id: z.string().min(1),
  examId: z.string().min(1),
  cohorts: z.array(z.string().min(1)).min(1),
  opensAt: Millis,
  closesAt: Millis.nullable(),
  dueAt: Millis,
  note: z.string(),
  createdAt: Millis,
  createdBy: z.string().min(1),
  updatedAt: Millis,
  revision: z.number().int().positive(),
}) satisfies z.ZodType<Assignment>;

/** `assignments.json`. */
export const AssignmentsFileSchema = z.object({ version: z.literal(1), assignments: z.array(AssignmentSchema) });
export type AssignmentsFile = z.infer<typeof AssignmentsFileSchema>;
