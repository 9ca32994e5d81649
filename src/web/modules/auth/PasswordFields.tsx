import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../shared/roles.ts';
import { PasswordField } from '../../ui/PasswordField.tsx';

/** A new-password field that explains the rule before anyone breaks it. */
export function NewPasswordInput({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <PasswordField
      label={label ?? t('Password')}
      description={t('At least {{min}} characters. A few unrelated words make a strong password.', {
        min: PASSWORD_MIN,
      })}
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required
    />
  );
}

/** The client-side check for a new password; the server checks the same rule. */
export function usePasswordRule() {
  const { t } = useTranslation();
  return (password: string): string | null =>
    password.length < PASSWORD_MIN
      ? t('The password needs at least {{min}} characters.', { min: PASSWORD_MIN })
      : null;
}
