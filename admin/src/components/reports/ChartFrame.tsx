import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export const CHART_HEIGHT = 260;

export interface ChartTable {
  headers: string[];
  rows: (string | number)[][];
}

interface ChartFrameProps {
  title: string;
  /** What the chart shows, read out for the image and written under the title. */
  summary: string;
  table: ChartTable;
  /** A fixed width (tests, widgets); without it the chart fills its container. */
  width?: number;
  /** The recharts chart, sized by `ResponsiveContainer` or by `width`. */
  children: (size: { width?: number; height: number }) => ReactNode;
}

/**
 * One chart of the reports: a titled figure whose image carries an accessible label, and the same
 * numbers as a table underneath, for screen readers and for reading exact values.
 */
export const ChartFrame = ({ title, summary, table, width, children }: ChartFrameProps) => (
  <Box tag="figure" margin={0} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {summary}
        </Typography>
      </Flex>
      <div role="img" aria-label={`${title}. ${summary}`} style={{ width: '100%', height: CHART_HEIGHT }}>
        {width ? (
          children({ width, height: CHART_HEIGHT })
        ) : (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            {children({ height: CHART_HEIGHT }) as never}
          </ResponsiveContainer>
        )}
      </div>
      <Table colCount={table.headers.length} rowCount={table.rows.length + 1} aria-label={title}>
        <Thead>
          <Tr>
            {table.headers.map((header) => (
              <Th key={header}>
                <Typography variant="sigma">{header}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {table.rows.map((row, i) => (
            <Tr key={i}>
              {row.map((cell, j) => (
                <Td key={j}>
                  <Typography>{cell}</Typography>
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  </Box>
);
