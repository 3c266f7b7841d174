/**
 * Sizes as people read them: 20 B, 1.5 KB, 3.4 MB. The upload plugin stores sizes in kilobytes of
 * 1,000 bytes with two decimals (`bytesToKbytes`), so a file under 1 KB is shown in bytes (to the
 * ten bytes that precision keeps) rather than as "0 KB".
 */
export const formatFileSize = (
  kilobytes: number,
  formatNumber: (value: number, options: { maximumFractionDigits: number }) => string
) => {
  const kb = Number(kilobytes);
  if (!Number.isFinite(kb) || kb < 0) return '—';
  if (kb < 1) return `${formatNumber(Math.round(kb * 1000), { maximumFractionDigits: 0 })} B`;
  if (kb < 1000) return `${formatNumber(kb, { maximumFractionDigits: 1 })} KB`;
  return `${formatNumber(kb / 1000, { maximumFractionDigits: 1 })} MB`;
};
