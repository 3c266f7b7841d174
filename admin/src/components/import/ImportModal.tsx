import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  ProgressBar,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  DUPLICATE_POLICIES,
  IMPORT_FIELDS,
  IMPORT_POLL_MS,
  type DuplicatePolicy,
  type ImportMapping,
  type ImportOptions,
} from '../../../../server/src/contracts';
import { useApiFailure } from '../../api/errors';
import {
  useDownloadImportErrorsMutation,
  useGetImportQuery,
  usePreviewImportMutation,
  useStartImportMutation,
  type ImportPreview,
} from '../../api/imports';
import { defaultsFor, useLeadSettings, useReferenceData } from '../../api/reference';
import { getTranslation } from '../../utils/getTranslation';

const IGNORE = '__ignore__';

const DUPLICATE_LABELS: Record<DuplicatePolicy, string> = {
  skip: 'Skip the row',
  update: "Fill the lead's empty fields",
  create: 'Create another lead',
};

/** Upload → mapping, defaults and duplicates with a preview → progress → summary and report (SPEC §8). */
export const ImportModal = ({ onClose }: { onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`import.${key}`), defaultMessage }, values);
  const reference = useReferenceData();
  // the rows' defaults start as a new lead's do: the configured status and source (SPEC §8)
  const preset = defaultsFor(useLeadSettings(), reference.statuses, reference.sources);
  const failure = useApiFailure();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [status, setStatus] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [isPublic, setIsPublic] = useState(false);
  const shownStatus = status ?? (preset.status || undefined);
  const shownSource = source ?? (preset.source || undefined);
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [runPreview, previewState] = usePreviewImportMutation();
  const [start, startState] = useStartImportMutation();
  const [download] = useDownloadImportErrorsMutation();
  const [finished, setFinished] = useState(false);
  const job = useGetImportQuery(jobId ?? '', {
    skip: !jobId,
    pollingInterval: finished ? 0 : IMPORT_POLL_MS,
  });
  const progress = job.data?.data;
  if (progress && !finished && ['done', 'failed'].includes(progress.state)) setFinished(true);

  const options = (withMapping: boolean): ImportOptions => ({
    ...(withMapping ? { mapping } : {}),
    defaults: {
      status: shownStatus ?? null,
      source: shownSource ?? null,
      isPublic,
    },
    duplicates,
  });

  const check = async (picked: File, withMapping: boolean) => {
    setError(null);
    const result = await runPreview({ file: picked, options: options(withMapping) });
    if ('error' in result) {
      setError(failure(result.error).message);
      return;
    }
    setPreview(result.data.data);
    if (!withMapping) setMapping(result.data.data.mapping);
  };

  const onStart = async () => {
    if (!file) return;
    setError(null);
    const result = await start({ file, options: options(true) });
    if ('error' in result) setError(failure(result.error).message);
    else setJobId(result.data.data.id);
  };

  const targets = [
    ...Object.entries(IMPORT_FIELDS).map(([value, label]) => ({ value, label })),
    ...reference.customFields.map((f) => ({ value: f.slug, label: f.name })),
  ];
  const percent = progress?.total ? Math.round((progress.processed / progress.total) * 100) : 0;

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('title', 'Import leads from CSV')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {error && (
              <Typography textColor="danger600" role="alert">
                {error}
              </Typography>
            )}
            {!jobId && (
              <Field.Root name="file">
                <Field.Label>{t('file', 'CSV file (UTF-8, "," or ";" separated)')}</Field.Label>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  aria-label={t('file', 'CSV file (UTF-8, "," or ";" separated)')}
                  onChange={(event) => {
                    const picked = event.target.files?.[0] ?? null;
                    setFile(picked);
                    setPreview(null);
                    if (picked) void check(picked, false);
                  }}
                />
              </Field.Root>
            )}
            {/* shown once a file is picked, preview or not: a policy the server refuses (matching
                on an email the role may not read) must stay changeable */}
            {file && !jobId && (
              <Field.Root name="duplicates">
                <Field.Label>{t('duplicates', 'A row whose email a lead already has')}</Field.Label>
                <SingleSelect
                  value={duplicates}
                  onChange={(value: string | number) => setDuplicates(value as DuplicatePolicy)}
                >
                  {DUPLICATE_POLICIES.map((policy) => (
                    <SingleSelectOption key={policy} value={policy}>
                      {t(`duplicates.${policy}`, DUPLICATE_LABELS[policy])}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            {preview && !jobId && (
              <>
                <Typography variant="delta" tag="h3">
                  {t('mapping', 'Columns ({total} rows)', { total: preview.total })}
                </Typography>
                {preview.headers.map((header) => (
                  <Field.Root key={header} name={`mapping.${header}`}>
                    <Field.Label>{header}</Field.Label>
                    <SingleSelect
                      value={mapping[header] ?? IGNORE}
                      onChange={(value: string | number) => {
                        const next = { ...mapping };
                        if (value === IGNORE) delete next[header];
                        else next[header] = String(value);
                        setMapping(next);
                      }}
                    >
                      <SingleSelectOption value={IGNORE}>{t('ignore', 'Do not import')}</SingleSelectOption>
                      {targets.map((target) => (
                        <SingleSelectOption key={target.value} value={target.value}>
                          {target.label}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                ))}
                <Typography variant="delta" tag="h3">
                  {t('defaults', 'Defaults and duplicates')}
                </Typography>
                <Field.Root name="status">
                  <Field.Label>{t('status', 'Status when a row has none')}</Field.Label>
                  <SingleSelect
                    value={shownStatus}
                    onChange={(value: string | number) => setStatus(String(value))}
                  >
                    {reference.statuses
                      .filter((s) => !s.isCustomerStatus)
                      .map((s) => (
                        <SingleSelectOption key={s.documentId} value={s.documentId}>
                          {s.name}
                        </SingleSelectOption>
                      ))}
                  </SingleSelect>
                </Field.Root>
                <Field.Root name="source">
                  <Field.Label>{t('source', 'Source when a row has none')}</Field.Label>
                  <SingleSelect
                    value={shownSource}
                    onChange={(value: string | number) => setSource(String(value))}
                  >
                    {reference.sources.map((s) => (
                      <SingleSelectOption key={s.documentId} value={s.documentId}>
                        {s.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
                <Checkbox checked={isPublic} onCheckedChange={(checked: boolean) => setIsPublic(checked)}>
                  {t('isPublic', 'Make the imported leads public')}
                </Checkbox>
                <Typography variant="delta" tag="h3">
                  {t('preview', 'First rows')}
                </Typography>
                <Box>
                  {preview.rows.map((row) => (
                    <Typography key={row.row} tag="p" textColor={row.errors.length ? 'danger600' : undefined}>
                      {t('previewRow', 'Row {row}: {state}', {
                        row: row.row,
                        state: row.errors.length
                          ? row.errors.map((e) => `${e.path} ${e.message}`).join('; ')
                          : t('rowOk', 'ready'),
                      })}
                    </Typography>
                  ))}
                </Box>
              </>
            )}
            {jobId && (
              <Flex direction="column" alignItems="stretch" gap={2}>
                {/* The design system's ProgressBar draws `value` but does not hand it to its Radix
                    root, whose role="progressbar" then tells no value: given here, as Radix lets
                    these props override its own. */}
                <ProgressBar
                  value={percent}
                  aria-label={t('progress', 'Import progress')}
                  aria-valuenow={percent}
                  aria-valuetext={`${percent} %`}
                />
                <Typography>
                  {t('percent', '{percent} % ({processed} of {total} rows)', {
                    percent,
                    processed: progress?.processed ?? 0,
                    total: progress?.total ?? 0,
                  })}
                </Typography>
                {progress && finished && (
                  <Typography role="status">
                    {t(
                      progress.state === 'done' ? 'summary' : 'failed',
                      progress.state === 'done'
                        ? 'Done: {created} created, {updated} updated, {skipped} skipped, {refused} refused.'
                        : 'The import stopped: {failure}',
                      {
                        created: progress.created,
                        updated: progress.updated,
                        skipped: progress.skipped,
                        refused: progress.refused,
                        failure: progress.failure ?? '',
                      }
                    )}
                  </Typography>
                )}
                {progress && finished && progress.report.unlistedRows > 0 && (
                  <Typography textColor="warning600">
                    {t(
                      'reportCut',
                      'The report lists the refused rows up to row {row}; {unlisted} more refused rows after it are not listed. Fix the listed rows, then import the rows after row {row} again.',
                      { row: progress.report.lastListedRow ?? 1, unlisted: progress.report.unlistedRows }
                    )}
                  </Typography>
                )}
              </Flex>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>
            {t('close', 'Close')}
          </Button>
          {file && !jobId && (
            <Flex gap={2}>
              <Button
                variant="secondary"
                onClick={() => void check(file, preview !== null)}
                loading={previewState.isLoading}
              >
                {t('checkAgain', 'Check again')}
              </Button>
              {preview && (
                <Button onClick={() => void onStart()} loading={startState.isLoading}>
                  {t('start', 'Start the import')}
                </Button>
              )}
            </Flex>
          )}
          {jobId && finished && (progress?.refused ?? 0) > 0 && (
            <Button variant="secondary" onClick={() => void download(jobId)}>
              {t('report', 'Download the refused rows')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
