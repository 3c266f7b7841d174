import type { Core } from '@strapi/strapi';
import { CM_ACTION, UID } from '../uids';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

export interface StaffMember {
  id: number;
  firstname: string | null;
  lastname: string | null;
}

/** Staff are admin users; this service answers "who can work leads". */
const staffService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active admin users whose role may read leads (Super Admins included), sorted by name. */
  async assignable(): Promise<StaffMember[]> {
    const permissions = await strapi.db.query('admin::permission').findMany({
      where: { action: CM_ACTION.read, subject: UID.lead },
      select: ['id'],
      populate: { role: { select: ['id'] } },
    });
    const roleIds = permissions.map((p: { role?: { id: number } }) => p.role?.id).filter(Boolean);
    const users = await strapi.db.query('admin::user').findMany({
      where: {
        isActive: true,
        roles: { $or: [{ id: { $in: roleIds } }, { code: SUPER_ADMIN_CODE }] },
      },
      select: ['id', 'firstname', 'lastname'],
      orderBy: [{ firstname: 'asc' }, { lastname: 'asc' }, { id: 'asc' }],
    });
    return users.map(({ id, firstname, lastname }: StaffMember) => ({ id, firstname, lastname }));
  },

  /**
   * The one check of "may this staff member be given a lead or work" (leads, tasks, reminders,
   * follow-up tasks): null when they may, else the message for the field.
   */
  async assignmentError(id: unknown): Promise<string | null> {
    if (id === null || id === undefined) return null;
    const assignable = await this.assignable();
    return assignable.some((member) => member.id === id)
      ? null
      : 'is not a staff member who can be assigned work';
  },
});

export default staffService;
export type StaffService = ReturnType<typeof staffService>;
