/** The paths a refused body names, in Strapi's ValidationError details, sorted. */
export const refusedPaths = async (work: Promise<unknown>) => {
  const error = (await work.then(
    () => null,
    (e: unknown) => e
  )) as { name?: string; details?: { errors: { path: string[] }[] } } | null;
  expect(error?.name).toBe('ValidationError');
  return error!.details!.errors.map((e) => e.path.join('.')).sort();
};
