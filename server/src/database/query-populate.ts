type Populate = Record<string, unknown>;

/**
 * A Document Service `populate` (`fields`, `populate`, `filters`, `sort`) as the Query Engine
 * takes it (`select`, `populate`, `where`, `orderBy`), with the `id` and `documentId` the
 * Document Service adds to every populated relation. For reads that skip the Document Service's
 * validation of their parameters: only for populates the plugin writes itself, never a client's.
 */
export const toQueryPopulate = (populate: Populate): Populate =>
  Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      if (!value || typeof value !== 'object') return [key, value];
      const { fields, populate: nested, filters, sort, ...rest } = value as Populate;
      return [
        key,
        {
          ...rest,
          ...(Array.isArray(fields) ? { select: [...new Set(['id', 'documentId', ...fields])] } : {}),
          ...(nested && typeof nested === 'object' ? { populate: toQueryPopulate(nested as Populate) } : {}),
          ...(filters ? { where: filters } : {}),
          ...(sort ? { orderBy: sort } : {}),
        },
      ];
    })
  );
