import { Box, Grid, Typography } from '@strapi/design-system';
import type { CustomFieldDefinition } from '../../../../server/src/contracts';
import { CustomFieldInput } from '../profile/CustomFieldInput';

export type CustomFieldValues = Record<string, unknown>;

interface Props {
  definitions: CustomFieldDefinition[];
  value: CustomFieldValues | null | undefined;
  /** Messages by slug (the server's `customFields.<slug>` errors). */
  errors?: Record<string, string | undefined>;
  disabled: boolean;
  onChange: (next: CustomFieldValues) => void;
}

/** An input left empty: sent as null, which the server reads as "clear this value". */
const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * One typed input per custom-field definition, over a JSON object of values by slug. A change
 * sends the values of the listed (active) fields only, an emptied one as null: the server merges
 * them over what the record holds, so a value of an inactive field stays as it is.
 */
export const CustomFieldValuesEditor = ({ definitions, value, errors, disabled, onChange }: Props) => {
  const values = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const change = (slug: string) => (next: unknown) =>
    onChange(
      Object.fromEntries(
        definitions.map((def) => {
          const current = def.slug === slug ? next : values[def.slug];
          return [def.slug, isEmpty(current) ? null : current];
        })
      )
    );
  return (
    <Grid.Root gap={4}>
      {definitions.map((definition) => (
        <Grid.Item key={definition.slug} col={6} s={12} direction="column" alignItems="stretch">
          <Box width="100%">
            <CustomFieldInput
              definition={definition}
              value={values[definition.slug]}
              error={errors?.[definition.slug]}
              disabled={disabled}
              onChange={change(definition.slug)}
            />
          </Box>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};

/** A line of text under the inputs (why they are read-only, that there are none). */
export const EditorNote = ({ children }: { children: string }) => (
  <Typography variant="pi" textColor="neutral600">
    {children}
  </Typography>
);
