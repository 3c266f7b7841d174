import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useGetMyWorkQuery } from '../../api/my-work';
import { parentLink, useDueText } from '../my-work/MyWorkList';
import { getTranslation } from '../../utils/getTranslation';

/** Strapi homepage widget: the caller's next tasks and reminders, overdue first. */
export const MyWorkWidget = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`widgets.myWork.${key}`), defaultMessage });
  const work = useGetMyWorkQuery({ limit: 5 }, { refetchOnMountOrArgChange: true });
  const due = useDueText();
  if (work.isLoading) return <Widget.Loading />;
  if (work.isError) return <Widget.Error />;
  const items = work.data?.data ?? [];
  if (!items.length) return <Widget.NoData>{t('empty', 'No open task or pending reminder.')}</Widget.NoData>;
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {items.map((item) => {
        const parent = parentLink(item);
        return (
          <Box tag="li" key={`${item.kind}-${item.documentId}`}>
            <Flex justifyContent="space-between" gap={2}>
              <Typography fontWeight="semiBold" ellipsis>
                {item.title}
              </Typography>
              {item.overdue && (
                <Badge backgroundColor="danger100" textColor="danger700">
                  {t('overdue', 'Overdue')}
                </Badge>
              )}
            </Flex>
            <Flex gap={2}>
              <Typography variant="pi" textColor={item.overdue ? 'danger600' : 'neutral600'}>
                {due(item)}
              </Typography>
              {parent && (
                <Link to={parent.to}>
                  <Typography variant="pi" textColor="primary600">
                    {parent.name}
                  </Typography>
                </Link>
              )}
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
