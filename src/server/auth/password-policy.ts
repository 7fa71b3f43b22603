export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that nobody can make the server hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_IS_EMPLOYEE_ID';

/**
 * The account password rules: 10 to 128 characters (counted as Unicode code points, so 中文 counts one each), and
 * not the employee id itself in any letter case.
 * @returns the first rule broken, or `null` when the password is acceptable.
 */
export function passwordProblem(password: string, account: { readonly employeeId: string }): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  if (password.trim().toUpperCase() === account.employeeId.trim().toUpperCase()) return 'PASSWORD_IS_EMPLOYEE_ID';
  return null;
}
