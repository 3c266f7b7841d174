/** How old a lead is, in the largest whole unit: minutes under an hour, hours under a day, else days. */
export const ageOf = (
  createdAt: string,
  now: number
): { unit: 'minutes' | 'hours' | 'days'; count: number } => {
  const minutes = Math.max(0, Math.floor((now - new Date(createdAt).getTime()) / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 24 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
};

/** Whether a task due on `dueDate` (YYYY-MM-DD or an ISO date) is overdue at `now`. */
export const isOverdue = (dueDate: string | null, now: number) =>
  !!dueDate && new Date(dueDate.length === 10 ? `${dueDate}T23:59:59.999` : dueDate).getTime() < now;
