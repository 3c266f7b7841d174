import { useTheme } from 'styled-components';

interface ThemeColors {
  colors: Record<string, string>;
}

/** Chart colours from the design system's theme, so light and dark mode both read well. */
export const useChartColors = () => {
  const { colors } = useTheme() as unknown as ThemeColors;
  return {
    created: colors.primary600,
    converted: colors.success600,
    lost: colors.danger600,
    bar: colors.primary500,
    text: colors.neutral600,
    grid: colors.neutral200,
    tooltip: { background: colors.neutral0, border: colors.neutral200, text: colors.neutral800 },
  };
};
