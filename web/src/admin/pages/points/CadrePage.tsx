// 干部积分档案: a cadre's standing on a date, each part explained, the total over time and the post history.
import { Button, Card, Col, Descriptions, Flex, Input, Row, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { Rank } from '#shared/points/vocabulary.ts';
import { useUser } from '../../auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getCadre, getCadrePoints } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { EntryForm } from './EntryForms.tsx';
import { EntryTable } from './EntryTable.tsx';
import { PointsChart } from './PointsChart.tsx';
import { cityToday, signed, useRankLabel } from './shared.tsx';

export default function CadrePage() {
  const { t } = useTranslation('points');
  const user = useUser();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const [asOf, setAsOf] = useState(params.get('asOf') || cityToday());
  const [adding, setAdding] = useState(false);
  const rankLabel = useRankLabel();
  const cadre = useLoad((signal) => getCadre(id, signal), [id]);
  const points = useLoad((signal) => getCadrePoints(id, /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined, signal), [id, asOf]);

  if (cadre.error || (points.error && !points.data))
    return (
      <LoadError
        error={cadre.error ?? points.error}
        onRetry={() => {
          cadre.reload();
          points.reload();
        }}
      />
    );
  if (!cadre.data || !points.data) return <Spin size="large" style={{ display: 'block', marginTop: 96 }} />;
  const c = cadre.data;
  const p = points.data;
  const b = p.base;

  return (
    <>
      <PageHeader
        title={<span data-testid="cadre-title">{t('cadre.title', { name: c.name })}</span>}
        subtitle={
          <>
            {c.code} · {c.unitName} · {c.post} · {rankLabel(c.rank)} {c.leadership ? <Tag>{t('cadre.leadership')}</Tag> : null}
            <Tag>{t(`cadre.status.${c.status}`)}</Tag>
          </>
        }
        extra={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('standings.asOf')}</Typography.Text>
            <Input
              type="date"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
              style={{ width: 170 }}
              aria-label={t('standings.asOf')}
              data-testid="cadre-asof"
            />
            {user.role === 'org' ? (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('ledger.add')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={5}>
          <Card>
            <Statistic title={t('cadre.total')} value={p.total} valueStyle={{ fontWeight: 700 }} />
            <span data-testid="cadre-total" hidden>
              {p.total}
            </span>
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card>
            <Statistic title={t('cadre.base')} value={b.points} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('cadre.awards')} value={signed(p.awards)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic
              title={t('cadre.deductions')}
              value={p.deductions}
              valueStyle={p.deductions < 0 ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card>
            <Statistic
              title={t('cadre.cohort')}
              value={p.cohort ? t('cadre.cohortValue', { position: p.cohort.position, size: p.cohort.cohortSize }) : '—'}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="cadre-base-explain">
        {t('cadre.base')}：
        {t('cadre.baseExplain', {
          days: b.days,
          years: b.fullYears,
          perYear: b.perYear,
          uncapped: b.uncapped,
          capped: b.capped ? t('cadre.cappedNote', { cap: b.cap }) : '',
        })}
        {p.rulebookVersion ? `（${p.rulebookVersion}）` : ''}
      </Typography.Paragraph>
      <Card title={t('cadre.chart')} style={{ marginTop: 8 }}>
        <PointsChart history={p.history} />
      </Card>
      <Card title={t('cadre.entries')} style={{ marginTop: 16 }}>
        <EntryTable entries={p.entries} loading={points.loading} empty={t('cadre.noEntries')} showCadre={false} testId="cadre-entries" />
      </Card>
      {p.pending.length ? (
        <Card title={t('cadre.pending')} style={{ marginTop: 16 }}>
          <EntryTable entries={p.pending} loading={points.loading} empty="" showCadre={false} />
        </Card>
      ) : null}
      <Card title={t('cadre.tenures')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.tenures}
          data-testid="cadre-tenures"
          columns={[
            { title: t('columns.date'), key: 'd', render: (_, r) => `${r.since} — ${r.until ?? t('cadre.current')}` },
            { title: t('columns.unit'), dataIndex: 'unitName' },
            { title: t('columns.post'), dataIndex: 'post' },
            { title: t('columns.rank'), dataIndex: 'rank', render: (r: Rank) => rankLabel(r) },
            { title: t('cadre.leadership'), dataIndex: 'leadership', render: (l: boolean) => (l ? '✓' : '') },
          ]}
        />
        {c.headOf.length ? (
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={1}
            items={c.headOf.map((h) => ({
              key: h.headId,
              label: t('cadre.headOf'),
              children: `${h.departmentName} ${h.since} — ${h.until ?? t('cadre.current')}`,
            }))}
          />
        ) : null}
      </Card>
      {adding ? (
        <EntryForm
          cadre={{ id: c.id, name: c.name }}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            points.reload();
          }}
        />
      ) : null}
    </>
  );
}
