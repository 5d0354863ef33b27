// A flagged department's rectification through time on the public page: the commitment and the plan's
// measures with their due dates, dated progress reports, call-back results as counts, until closed.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicRound } from '#shared/schemas/public.ts';
import { cityDate } from '../../views/time.ts';

type CaseTimelineData = NonNullable<PublicRound['flagged'][number]['rectification']>['timeline'];

export function CaseTimeline({ timeline }: { timeline: CaseTimelineData }) {
  const { t, i18n } = useTranslation('public');
  const c = timeline.callbacks;
  return (
    <div data-testid="case-timeline" style={{ marginTop: 8 }}>
      {timeline.commitment ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <strong>{t('timeline.commitment')}</strong>：{timeline.commitment}
        </Typography.Paragraph>
      ) : null}
      {timeline.measures.length ? (
        <ul style={{ margin: '0 0 8px', paddingInlineStart: 20 }}>
          {timeline.measures.map((m) => (
            <li key={`${m.measure}:${m.due}`}>
              {m.measure}（{t('timeline.due', { date: cityDate(m.due, i18n.language) })}）
            </li>
          ))}
        </ul>
      ) : null}
      <Timeline
        items={timeline.events.map((e, i) => ({
          key: i,
          color: e.kind === 'closed' ? 'green' : e.kind === 'returned' ? 'red' : 'blue',
          content: (
            <span data-kind={e.kind}>
              <Typography.Text type="secondary">{cityDate(e.at, i18n.language)}</Typography.Text> {t(`timeline.events.${e.kind}`)}
              {e.text ? `：${e.text}` : ''}
            </span>
          ),
        }))}
      />
      <Typography.Text type="secondary" data-testid="case-callbacks">
        {t('timeline.callbacks', {
          entries: c.entries,
          calledBack: c.calledBack,
          reached: c.reached,
          solved: c.solved,
          satisfied: c.satisfied,
        })}
      </Typography.Text>
    </div>
  );
}
