import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../../app/api.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MultiPicker, Picker } from '../../ui/Pickers.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { CountryPicker } from '../directory/CountryPicker.tsx';
import { termOptions, useTerms } from '../directory/lookups.ts';
import { SECTOR_OPTIONS } from './labels.ts';

/** Opens a case in the person's organisation; they are assigned to it. Identity is encrypted by the server. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const violations = useTerms('case_violation');
  const [violationCodes, setViolationCodes] = useState<string[]>([]);
  // Chosen by name: a two-letter box let "Indonesia" be saved as IN (India).
  const [originCountry, setOriginCountry] = useState('');
  const [destinationCountry, setDestinationCountry] = useState('');
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<{ data: { id: string } }>('/cases', body),
    onSuccess: (result) => navigate(`/cases/${result.data.id}`),
  });
  const submit = (event: FormEvent<HTMLDivElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as unknown as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const name = text('clientName');
    const contact = text('clientContact');
    create.mutate({
      title: text('title'),
      originCountry: originCountry || undefined,
      destinationCountry: destinationCountry || undefined,
      sector: text('sector'),
      employerName: text('employerName'),
      agencyName: text('agencyName'),
      violationCodes,
      narrative: text('narrative'),
      client:
        name || contact
          ? { name, contacts: contact ? [{ kind: 'phone', value: contact }] : undefined }
          : undefined,
    });
  };
  return (
    <Stack>
      <PageHeader title={t('New case')} />
      <Stack component="form" onSubmit={submit} maw={560}>
        <TextInput name="title" label={t('Short title without names')} required maxLength={200} />
        <TextInput name="clientName" label={t('Client name')} maxLength={200} />
        <TextInput
          name="clientContact"
          label={t('Client phone or messaging number')}
          maxLength={200}
          dir="ltr"
        />
        <CountryPicker label={t('Country of origin')} value={originCountry} onChange={setOriginCountry} />
        <CountryPicker
          label={t('Country of work')}
          value={destinationCountry}
          onChange={setDestinationCountry}
        />
        <Picker
          name="sector"
          label={t('Sector')}
          data={SECTOR_OPTIONS.map(([value, label]) => ({ value, label: t(label) }))}
          searchable={false}
          clearable
        />
        <TextInput name="employerName" label={t('Employer')} maxLength={200} />
        <TextInput name="agencyName" label={t('Recruitment agency')} maxLength={200} />
        <MultiPicker
          label={t('Violations')}
          data={termOptions(violations.data)}
          value={violationCodes}
          onChange={setViolationCodes}
          clearable
        />
        <Textarea name="narrative" label={t('Narrative')} minRows={4} autosize maxLength={20000} />
        <ProblemAlert error={create.error} />
        <Button type="submit" loading={create.isPending}>
          {t('Open case')}
        </Button>
      </Stack>
    </Stack>
  );
}
