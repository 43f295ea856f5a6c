import type { IntakeForm } from './model';

export interface FieldProps {
  form: IntakeForm;
  set: (patch: Partial<IntakeForm>) => void;
  /** Field path → i18n key of the message. */
  errors: Record<string, string>;
}
