import { Box, Flex, IconButton, MenuItem, SimpleMenu, Typography } from '@strapi/design-system';
import { More } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useApiFailure } from '../../api/errors';
import { useUpdateLeadMutation } from '../../api/leads';
import { staffName } from '../../api/reference';
import type { BoardColumn, LeadSummary } from '../../../../server/src/contracts';
import { useAbilities } from '../../hooks/useAbilities';
import { getTranslation } from '../../utils/getTranslation';
import { ConversionModal } from '../conversion/ConversionModal';
import { moveOnBoard } from './moveOnBoard';
import { StatusBadge } from './StatusBadge';

interface Props {
  columns: BoardColumn[] | undefined;
}

const DRAG_TYPE = 'application/x-crm-lead';

/**
 * The kanban of SPEC §4: a column per status. Dragging a card (or "Move to" from its menu, for
 * the keyboard) changes the lead's status at once and puts it back if the server refuses.
 */
export const LeadBoard = ({ columns }: Props) => {
  const { formatMessage, formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const [update] = useUpdateLeadMutation();
  const toFailure = useApiFailure();
  const { updateLead, convert } = useAbilities();
  const [converting, setConverting] = useState<LeadSummary | null>(null);
  const [board, setBoard] = useState<BoardColumn[]>(columns ?? []);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  useEffect(() => setBoard(columns ?? []), [columns]);
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`leads.board.${key}`), defaultMessage }, values);

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
    if (after === before) return;
    setBoard(after);
    try {
      await update({ documentId: lead.documentId, body: { status: toStatusId } }).unwrap();
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

  return (
    <>
      {converting && <ConversionModal leadId={converting.documentId} onClose={() => setConverting(null)} />}
      <Flex gap={4} alignItems="flex-start" overflow="auto" paddingBottom={4}>
        {board.map((column) => {
          const id = column.status.documentId;
          return (
            <Box
              key={id}
              role="group"
              aria-label={column.status.name}
              data-status-column={column.status.name}
              background={dropTarget === id ? 'primary100' : 'neutral100'}
              hasRadius
              padding={3}
              minWidth="26rem"
              width="26rem"
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
              <Flex justifyContent="space-between" paddingBottom={3}>
                <StatusBadge status={column.status} />
                <Typography variant="pi" textColor="neutral600">
                  {t('count', '{total, plural, one {# lead} other {# leads}}', { total: column.total })}
                </Typography>
              </Flex>
              <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
                {column.leads.map((lead) => (
                  <Box
                    tag="li"
                    key={lead.documentId}
                    data-lead={lead.name}
                    background="neutral0"
                    hasRadius
                    shadow="tableShadow"
                    padding={3}
                    draggable={updateLead}
                    style={{ cursor: updateLead ? 'grab' : undefined }}
                    onDragStart={(event: React.DragEvent) => {
                      event.dataTransfer.setData(DRAG_TYPE, lead.documentId);
                      event.dataTransfer.effectAllowed = 'move';
                    }}
                  >
                    <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Link to={`leads/${lead.documentId}`}>
                          <Typography fontWeight="semiBold" textColor="primary600">
                            {lead.name}
                          </Typography>
                        </Link>
                        <Typography variant="pi" textColor="neutral600">
                          {[lead.company, lead.value === null ? null : formatNumber(lead.value)]
                            .filter(Boolean)
                            .join(' · ')}
                        </Typography>
                        <Typography variant="pi" textColor="neutral600">
                          {staffName(lead.assignedTo)}
                        </Typography>
                      </Flex>
                      {updateLead && (
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
                ))}
              </Flex>
              {column.total > column.leads.length && (
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
