// The full ranking, below the first screen: its own chunk, with antd's table.
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { RoundResults } from '../../endpoints.ts';
import { RankingTable, useRankingRows } from './RankingTable.tsx';

export default function RankingSection({ results, levels }: { results: RoundResults; levels: ReadonlyMap<number, EscalationLevel> }) {
  const rows = useRankingRows(results, levels);
  return <RankingTable results={results} rows={rows} />;
}
