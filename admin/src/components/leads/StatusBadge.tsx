import { Badge } from '@strapi/design-system';
import type { StatusRef } from '../../api/types';

/** A status in its own colour (the `color` of the lead status, a CSS colour). */
export const StatusBadge = ({ status }: { status: Pick<StatusRef, 'name' | 'color'> | null }) =>
  status ? (
    <Badge
      style={
        status.color ? { backgroundColor: status.color, color: '#fff', borderColor: status.color } : undefined
      }
    >
      {status.name}
    </Badge>
  ) : null;
