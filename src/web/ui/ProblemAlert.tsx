import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';

/** Shows why a request failed, in the words the server chose (already translated). */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const heading = problem?.title ?? t('Something went wrong on our side.');
  const fields = problem?.code === 'validation_failed' ? (problem.errors ?? []) : [];
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? heading}>
      {title ? heading : null}
      {fields.length > 0 && (
        <List size="sm" mt={title ? 'xs' : 0}>
          {fields.map((f) => (
            <List.Item
              key={`${f.field}:${f.code}`}
            >{`${f.field.replace(/^body\./, '')}: ${f.message}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
