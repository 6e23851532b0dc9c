/** The button that shows a chart's data as a table, or hides it again. */
export function TableToggle({
  shown,
  tableId,
  onToggle,
}: {
  readonly shown: boolean;
  readonly tableId: string;
  readonly onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="chart-button"
      aria-expanded={shown}
      aria-controls={tableId}
      onClick={onToggle}
    >
      {shown ? 'Hide table' : 'Show as table'}
    </button>
  );
}
