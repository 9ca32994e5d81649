import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../app/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel, PlainList } from '../../ui/Panel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { useAllTerms, useVocabularies } from './queries.ts';
import { TermForm } from './TermForm.tsx';
import { TermItem } from './TermItem.tsx';

/** One vocabulary: its terms as a tree (retired ones too), adding and editing terms, CSV export and import. */
export function VocabularyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { key = '' } = useParams();
  const vocabularies = useVocabularies();
  const vocabulary = vocabularies.data?.find((v) => v.key === key);
  const terms = useAllTerms(key);
  const retired = terms.data?.filter((term) => term.retired).length ?? 0;
  return (
    <Stack>
      <Anchor component={Link} to="/vocabularies" size="sm">
        {t('All vocabularies')}
      </Anchor>
      <PageHeader
        title={vocabulary?.label ?? key}
        lead={vocabulary?.description ?? undefined}
        actions={
          <Button
            component="a"
            variant="default"
            href={`/api/v1/vocabularies/${key}/terms?format=csv`}
            download={`${key}.csv`}
          >
            {t('Export CSV')}
          </Button>
        }
      />
      <Panel title={t('Terms')} error={vocabularies.error ?? terms.error}>
        {terms.data && (
          <Text size="sm" c="dimmed">
            {t('{{count}} terms, of which {{retired}} retired. Records keep the retired terms they use.', {
              count: format.number(terms.data.length),
              retired: format.number(retired),
            })}
          </Text>
        )}
        <PlainList label={t('Terms')} gap="sm">
          {terms.data?.map((term) => (
            <TermItem key={term.code} vocabularyKey={key} term={term} terms={terms.data} />
          ))}
        </PlainList>
        {vocabulary?.abilities.update && terms.data && <TermForm vocabularyKey={key} terms={terms.data} />}
      </Panel>
      {vocabulary?.abilities.import && <ImportPanel vocabularyKey={key} />}
    </Stack>
  );
}
