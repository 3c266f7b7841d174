import { useAuth } from '@strapi/strapi/admin';

/** The signed-in admin user's id, or null before the admin panel knows it. */
export const useCurrentUserId = (): number | null => {
  const id = useAuth('LeadProfile', (state) => state.user?.id);
  return id === undefined || id === null ? null : Number(id);
};
