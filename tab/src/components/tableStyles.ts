/** Tables size their columns by content (Fluent's default is fixed equal widths). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useTableStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: '1%' },
  nowrap: { whiteSpace: 'nowrap' },
  top: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
});
