import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "Load more" button under a paged list, shown while the server has another page. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t('Load more')}
      </Button>
    </Group>
  );
}
