// The round's settings; locked (read only) once the pool is frozen.
import { EditOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOT_APPLICABLE_LABEL } from '#shared/results/scale.ts';
import type { Round } from '#shared/schemas/rounds.ts';
import { departmentName } from '../../labels.ts';
import { ContactPlanLabel, ContactPlanSummary } from './ContactPlanFields.tsx';
import { useTimeFormat } from './labels.tsx';

export function RoundSettings({ round, onEdit }: { round: Round; onEdit?: () => void }) {
  const { t, i18n } = useTranslation('rounds');
  const time = useTimeFormat();
  const en = i18n.language === 'en';
  const locked = round.status !== 'draft';
  const scale = [
    ...round.scale.map((s) => `${en ? s.labelEn : s.labelZh} ${s.score}`),
    t('settings.notApplicable', { label: en ? NOT_APPLICABLE_LABEL.en : NOT_APPLICABLE_LABEL.zh }),
  ].join(' · ');
  const departments = round.departments.map((d) => departmentName(d, i18n.language)).join(t('settings.listSeparator'));

  return (
    <Card
      title={t('settings.title')}
      extra={
        locked ? (
          <Tag icon={<LockOutlined />} data-testid="settings-locked">
            {t('settings.locked')}
          </Tag>
        ) : onEdit ? (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('settings.edit')}
          </Button>
        ) : (
          <Tag icon={<UnlockOutlined />}>{t('settings.editable')}</Tag>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 2, xl: 1, xxl: 2 }}
        size="small"
        items={[
          { key: 'id', label: t('settings.id'), children: <code>{round.id}</code> },
          { key: 'sampleSize', label: t('settings.sampleSize'), children: t('list.sampleSize', { count: round.sampleSize }) },
          {
            key: 'stratifyBy',
            label: t('settings.stratifyBy'),
            children: round.stratifyBy ? t(`stratify.${round.stratifyBy}`) : t('stratify.none'),
          },
          {
            key: 'rotation',
            label: t('settings.rotationExclusion'),
            children: round.rotationExclusion ? t('settings.rotationOn') : t('settings.rotationOff'),
          },
          { key: 'contactPlan', label: <ContactPlanLabel />, span: 'filled', children: <ContactPlanSummary plan={round.contactPlan} /> },
          { key: 'opensAt', label: t('settings.opensAt'), children: time.dateTime(round.opensAt) },
          { key: 'closesAt', label: t('settings.closesAt'), children: time.dateTime(round.closesAt) },
          { key: 'votesLimit', label: t('settings.votesLimit'), children: t('settings.votesLimitValue', { count: round.votesLimit }) },
          { key: 'minRatings', label: t('settings.minRatings'), children: t('settings.minRatingsValue', { count: round.minRatings }) },
          { key: 'bottomN', label: t('settings.bottomN'), children: t('settings.bottomNValue', { count: round.bottomN }) },
          { key: 'policy', label: t('settings.escalationPolicy'), children: <code>{round.escalationPolicy}</code> },
          {
            key: 'officialRanking',
            label: t('settings.officialRanking'),
            children: <span data-testid="settings-official-ranking">{t(`verdict.ranking.${round.officialRanking}`)}</span>,
          },
          {
            key: 'reasons',
            label: t('settings.reasons'),
            span: 'filled',
            children: (
              <span data-testid="settings-reasons">
                {round.reasons.length
                  ? round.reasons.map((r) => (en ? r.labelEn : r.labelZh)).join(t('settings.listSeparator'))
                  : t('settings.noReasons')}
              </span>
            ),
          },
          { key: 'scale', label: t('settings.scale'), span: 'filled', children: scale },
          {
            key: 'departments',
            label: t('settings.departments', { count: round.departments.length }),
            span: 'filled',
            children: (
              <Typography.Paragraph
                ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? t('settings.collapse') : t('settings.expand')) }}
                style={{ marginBottom: 0 }}
              >
                {departments}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
