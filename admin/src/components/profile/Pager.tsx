import { Button, Flex, Typography } from '@strapi/design-system';
import type { Pagination } from '../../../../server/src/contracts';
import { useProfileText } from './useProfileText';

interface Props {
  pagination: Pagination | undefined;
  onPage: (page: number) => void;
}

/** Previous and next page buttons under a list, shown once it holds more than one page. */
export const Pager = ({ pagination, onPage }: Props) => {
  const t = useProfileText('pager');
  if (!pagination || pagination.pageCount <= 1) return null;
  return (
    <Flex justifyContent="flex-end" gap={2} paddingTop={4}>
      <Button variant="tertiary" disabled={pagination.page <= 1} onClick={() => onPage(pagination.page - 1)}>
        {t('previous', 'Previous page')}
      </Button>
      <Typography>
        {t('page', 'Page {page} of {pageCount}', { page: pagination.page, pageCount: pagination.pageCount })}
      </Typography>
      <Button
        variant="tertiary"
        disabled={pagination.page >= pagination.pageCount}
        onClick={() => onPage(pagination.page + 1)}
      >
        {t('next', 'Next page')}
      </Button>
    </Flex>
  );
};
