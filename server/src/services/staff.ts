import type { Core } from '@strapi/strapi';
import { CM_ACTION, UID } from '../uids';
import { getService } from '../utils';
import type { Parent } from './parents';
import type { UserAbility } from './visibility';

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
   * follow-up tasks): null when they may, else the message for the field. Work on a lead or a
   * customer (`on`) goes only to someone who sees it: a task or a reminder names its lead to its
   * staff member (the reminder's email does), and SPEC §3.1 says one who may not see a lead
   * learns nothing of it. A lead given to someone is another matter: assigned, they see it.
   */
  async assignmentError(id: unknown, on?: Parent, callerId?: number): Promise<string | null> {
    if (id === null || id === undefined) return null;
    // the caller reached `on` to write on it: work they give themselves needs no second look, and
    // one who reached a lead is an active staff member whose role reads leads (assignable)
    const self = on !== undefined && id === callerId;
    if (self && on.type === 'lead') return null;
    const assignable = await this.assignable();
    if (!assignable.some((member) => member.id === id))
      return 'is not a staff member who can be assigned work';
    if (on && !self && !(await this.reaches(id as number, on))) return `may not see this ${on.type}`;
    return null;
  },

  /** The permissions of an active staff member now (as Strapi's admin authentication builds them), or null. */
  async abilityOf(id: number): Promise<UserAbility | null> {
    const user = await strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] });
    if (!user?.isActive) return null;
    return strapi.service('admin::permission').engine.generateUserAbility(user);
  },

  /** Whether staff member `id` may see the lead or customer `parent` now. */
  async reaches(id: number, parent: Parent): Promise<boolean> {
    const theirs = await this.abilityOf(id);
    if (!theirs) return false;
    const uid = parent.type === 'lead' ? UID.lead : UID.customer;
    return getService(strapi, 'visibility').seesRow(theirs, uid, { documentId: parent.documentId });
  },
});

export default staffService;
export type StaffService = ReturnType<typeof staffService>;
