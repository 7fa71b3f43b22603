/** DOM ids for the sandbox form, shared by the fields and by whatever moves focus to them. */

export function fieldId(path: string): string {
  return `fact-${path.replace(/\./g, '-')}`;
}

export function sectionId(path: string): string {
  return `section-${path.replace(/\./g, '-') || 'root'}`;
}

export function sectionAddId(path: string): string {
  return `${sectionId(path)}-add`;
}
