export { type AccountView, accountView, homeAfterSignIn, sameSitePath } from './account-view.ts';
export { activateAccount, inspectActivation } from './activation.ts';
export { type CsvDecode, type CsvEncoding, type CsvParse, type CsvRecord, decodeCsv, parseCsv } from './csv.ts';
export {
  ActivateBodySchema,
  CohortSchema,
  EmployeeIdSchema,
  ImportBodySchema,
  LoginBodySchema,
  NameSchema,
  SetupBodySchema,
  StaffBodySchema,
  TraineeBodySchema,
} from './schemas.ts';
export { addStaff, isStaff, reissueStaffActivation, setStaffDisabled, type StaffView, staffView } from './staff.ts';
export { completeSetup, isSetupOpen, prepareFirstRun, setupUrl } from './setup.ts';
export { type ImportPlan, MAX_IMPORT_ROWS, planImport, type RowError, type TraineeRow } from './trainee-rows.ts';
export {
  ACTIVATION_TTL_MS,
  activationUrl,
  addTrainee,
  type ImportedTrainee,
  importTrainees,
  type IssuedLink,
  reissueActivation,
  setTraineeDisabled,
  type TraineeView,
  traineeView,
} from './trainees.ts';
