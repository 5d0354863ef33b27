// The filters above a list: a search box that filters as one types, and a clearable choice. Each is
// named by its placeholder for screen readers.
import { Input, Select, type SelectProps } from 'antd';

export function SearchFilter({ label, width, onSearch }: { label: string; width: number; onSearch: (q: string) => void }) {
  return (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width }}
      onChange={(e) => onSearch(e.target.value)}
      onSearch={onSearch}
    />
  );
}

export function SelectFilter<V extends string>({
  label,
  placeholder = label,
  width,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  /** What the empty choice says, when not just its label (e.g. 状态：全部). */
  placeholder?: string;
  width: number;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: SelectProps<V>['options'];
  testId?: string;
}) {
  return (
    <Select<V>
      allowClear
      placeholder={placeholder}
      aria-label={label}
      style={{ width }}
      value={value}
      onChange={onChange}
      options={options}
      data-testid={testId}
    />
  );
}
