import { Badge } from '@strapi/design-system';
import type { StatusRef } from '../../../../server/src/contracts';

/** A status in its own colour (the `color` of the lead status, a CSS colour), white text on it. */
export const StatusBadge = ({ status }: { status: Pick<StatusRef, 'name' | 'color'> | null }) =>
  status ? (
    <Badge
      backgroundColor={status.color ?? 'neutral150'}
      textColor={status.color ? 'neutral0' : 'neutral800'}
      style={status.color ? { borderColor: status.color } : undefined}
    >
      {status.name}
    </Badge>
  ) : null;
