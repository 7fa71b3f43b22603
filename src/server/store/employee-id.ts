/** The uniqueness key of an employee id: `a1002` and ` A1002 ` are the same account. */
export function employeeIdKey(employeeId: string): string {
  return employeeId.trim().toUpperCase();
}
