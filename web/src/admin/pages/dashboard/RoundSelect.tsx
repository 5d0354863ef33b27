// The dashboard's round picker: antd's Select is a chunk of its own, loaded after the first screen
// (DashboardPage shows the chosen round's name in its place until then).
import { Select } from 'antd';

export default function RoundSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(id: string): void;
}) {
  return (
    <Select aria-label={label} style={{ width: 240 }} value={value} onChange={onChange} options={options} data-testid="round-select" />
  );
}
