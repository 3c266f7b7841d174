import { Box, Button, Flex, IconButton, MenuItem, SimpleMenu, Typography } from '@strapi/design-system';
import { More } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useApiFailure } from '../../api/errors';
import { useUpdateLeadMutation } from '../../api/leads';
import { useLeadSettings } from '../../api/reference';
import type { BoardColumn, LeadSummary } from '../../../../server/src/contracts';
import { useAbilities } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';
import { ConversionModal } from '../conversion/ConversionModal';
import { BoardCardBody } from './BoardCardBody';
import { moveOnBoard } from './moveOnBoard';
import { StatusBadge } from './StatusBadge';

interface Props {
  columns: BoardColumn[] | undefined;
  /** Whether the customer column shows its cards at first (else it is shown folded, with its count). */
  showCustomers?: boolean;
}

const DRAG_TYPE = 'application/x-crm-lead';

/**
 * The kanban of SPEC §4: a column per status with its count and summed value. Dragging a card
 * (or "Move to" from its menu, for the keyboard) changes the lead's status at once, says so, and
 * puts it back if the server refuses. The customer column is always there: folded unless
 * converted leads are asked for, and a drop on it opens the conversion.
 */
export const LeadBoard = ({ columns, showCustomers = false }: Props) => {
  const { formatMessage, formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const { currency } = useLeadSettings();
  const [update] = useUpdateLeadMutation();
  const toFailure = useApiFailure();
  const { updateLead, convert } = useAbilities();
  const [converting, setConverting] = useState<LeadSummary | null>(null);
  const [board, setBoard] = useState<BoardColumn[]>(columns ?? []);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [customersOpen, setCustomersOpen] = useState(showCustomers);
  useEffect(() => setBoard(columns ?? []), [columns]);
  useEffect(() => setCustomersOpen(showCustomers), [showCustomers]);
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.board.${key}`), defaultMessage }, values);
  const money = (value: number) =>
    formatNumber(value, { style: 'currency', currency, maximumFractionDigits: 0 });
  const now = Date.now();

  const move = async (lead: LeadSummary, toStatusId: string) => {
    // only a conversion makes a customer: dropping on that column opens the conversion dialog
    const target = board.find((column) => column.status.documentId === toStatusId);
    if (target?.status.isCustomerStatus) {
      if (convert) setConverting(lead);
      else
        toggleNotification({
          type: 'warning',
          message: t('convertOnly', 'A lead becomes a customer by conversion only.'),
        });
      return;
    }
    const before = board;
    const after = moveOnBoard(board, lead.documentId, toStatusId);
    if (after === before || !target) return;
    setBoard(after);
    try {
      await update({ documentId: lead.documentId, body: { status: toStatusId } }).unwrap();
      toggleNotification({
        type: 'success',
        message: t('moved', '{name} moved to {status}.', { name: lead.name, status: target.status.name }),
      });
    } catch (error) {
      setBoard(before);
      toggleNotification({
        type: 'danger',
        message: t('moveFailed', '{name} could not be moved: {reason}', {
          name: lead.name,
          reason: toFailure(error).message,
        }),
      });
    }
  };

  const count = (column: BoardColumn) =>
    column.totalCapped
      ? t('countCapped', '{total}+ leads', { total: formatNumber(column.total) })
      : t('count', '{total, plural, one {# lead} other {# leads}}', { total: column.total });

  return (
    <>
      {converting && <ConversionModal leadId={converting.documentId} onClose={() => setConverting(null)} />}
      <Flex gap={4} alignItems="flex-start" overflow="auto" paddingBottom={4}>
        {board.map((column) => {
          const id = column.status.documentId;
          const folded = column.status.isCustomerStatus && !customersOpen;
          return (
            <Box
              key={id}
              role="group"
              aria-label={column.status.name}
              data-status-column={column.status.name}
              data-folded={folded ? '' : undefined}
              background={dropTarget === id ? 'primary100' : 'neutral100'}
              hasRadius
              padding={3}
              minWidth={folded ? '16rem' : '26rem'}
              width={folded ? '16rem' : '26rem'}
              onDragOver={(event: React.DragEvent) => {
                if (!updateLead || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                setDropTarget(id);
              }}
              onDragLeave={() => setDropTarget((current) => (current === id ? null : current))}
              onDrop={(event: React.DragEvent) => {
                event.preventDefault();
                setDropTarget(null);
                const leadId = event.dataTransfer.getData(DRAG_TYPE);
                const lead = board.flatMap((c) => c.leads).find((l) => l.documentId === leadId);
                if (lead) void move(lead, id);
              }}
            >
              <Flex direction="column" alignItems="stretch" gap={1} paddingBottom={3}>
                <Flex justifyContent="space-between" gap={2} wrap="wrap">
                  <StatusBadge status={column.status} />
                  <Typography variant="pi" textColor="neutral600" data-column-count="">
                    {count(column)}
                  </Typography>
                </Flex>
                {typeof column.value === 'number' && (
                  <Typography variant="omega" fontWeight="semiBold" data-column-value="">
                    {/* a capped column sums the leads its capped total counts */}
                    {money(column.value)}
                    {column.totalCapped ? '+' : ''}
                  </Typography>
                )}
              </Flex>
              {folded ? (
                <Button variant="tertiary" size="S" onClick={() => setCustomersOpen(true)}>
                  {t('unfold', 'Show the cards')}
                </Button>
              ) : (
                <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
                  {column.leads.map((lead) => {
                    // a lead in the customer status was converted: nothing moves it out (SPEC §2)
                    const movable = updateLead && !column.status.isCustomerStatus;
                    return (
                      <Box
                        tag="li"
                        key={lead.documentId}
                        data-lead={lead.name}
                        background="neutral0"
                        hasRadius
                        shadow="tableShadow"
                        padding={3}
                        draggable={movable}
                        style={{ cursor: movable ? 'grab' : undefined }}
                        onDragStart={(event: React.DragEvent) => {
                          event.dataTransfer.setData(DRAG_TYPE, lead.documentId);
                          event.dataTransfer.effectAllowed = 'move';
                        }}
                      >
                        <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
                          <BoardCardBody lead={lead} money={money} now={now} />
                          {movable && (
                            <SimpleMenu
                              label={t('moveLabel', 'Move {name} to', { name: lead.name })}
                              tag={IconButton}
                              icon={<More />}
                              variant="ghost"
                            >
                              {board
                                .filter((c) => c !== column && (convert || !c.status.isCustomerStatus))
                                .map((target) => (
                                  <MenuItem
                                    key={target.status.documentId}
                                    onSelect={() => void move(lead, target.status.documentId)}
                                  >
                                    {target.status.name}
                                  </MenuItem>
                                ))}
                            </SimpleMenu>
                          )}
                        </Flex>
                      </Box>
                    );
                  })}
                </Flex>
              )}
              {!folded && column.total > column.leads.length && (
                <Box paddingTop={3}>
                  <Link to={`?status=${id}`}>
                    <Typography variant="pi">
                      {t('more', 'See all {total} in the list', { total: column.total })}
                    </Typography>
                  </Link>
                </Box>
              )}
            </Box>
          );
        })}
      </Flex>
    </>
  );
};
