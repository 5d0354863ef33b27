// 意见建议 of one round, for admins, leaders and supervisors: what enterprises wrote to each department
// and overall, and the release to departments (admins, once the results are published). Comments are
// enterprise text: always rendered as text by React, never as markup.
import { ArrowLeftOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Empty, Flex, Input, Row, Select, Space, Spin, Statistic, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentList } from '../../components/CommentList.tsx';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api.ts';
import { useUser } from '../../auth.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getRound, getRoundComments, releaseRoundComments, type RoundComments } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RoundStatusTag, useQuarter, useTimeFormat } from './labels.tsx';
import type { Round } from '#shared/schemas/rounds.ts';

const missing = (error: unknown) => error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed');

export function RoundCommentsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('comments');
  const { t: tc } = useTranslation('common');
  const quarter = useQuarter();
  const round = useLoad((signal) => getRound(id, signal), [id]);
  const comments = useLoad((signal) => getRoundComments(id, signal), [id]);
  const reload = () => {
    round.reload();
    comments.reload();
  };

  if ((missing(round.error) && !round.data) || (missing(comments.error) && !comments.data)) return <NotFoundPage />;
  // A closed round whose results are not computed yet may still reopen: its comments wait (said in words).
  const notComputed = !comments.data && comments.error instanceof ApiError && comments.error.code === 'not_computed';
  const firstError = (!round.data && round.error) || (!comments.data && !notComputed && comments.error);
  if (firstError) return <LoadError error={firstError} onRetry={reload} />;
  if (!round.data || (!comments.data && !notComputed))
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );

  return (
    <>
      <Link to={`/rounds/${encodeURIComponent(id)}`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('back', { quarter: quarter(id) })}
        </Button>
      </Link>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="comments-title">{t('title', { quarter: quarter(id) })}</span>
            <RoundStatusTag status={round.data.status} />
          </Space>
        }
        subtitle={t('subtitle')}
      />
      <StaleDataWarning error={round.error ?? (notComputed ? undefined : comments.error)} onRetry={reload} />
      {comments.data ? (
        <CommentsView round={round.data} data={comments.data} onChanged={reload} />
      ) : (
        <Alert type="info" showIcon data-testid="compute-first" title={tc('errors.not_computed')} />
      )}
    </>
  );
}

function CommentsView({ round, data, onChanged }: { round: Round; data: RoundComments; onChanged(): void }) {
  const { t, i18n } = useTranslation('comments');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [onlyWith, setOnlyWith] = useState(true);

  // Names in the current language, from the round's departments (the comments carry the Chinese name).
  const names = useMemo(
    () => new Map(round.departments.map((d) => [d.departmentId, departmentName(d, i18n.language)])),
    [round.departments, i18n.language],
  );
  const departments = useMemo(
    () => data.departments.map((d) => ({ ...d, label: names.get(d.departmentId) ?? d.name })),
    [data.departments, names],
  );
  const total = departments.reduce((n, d) => n + d.comments.length, 0);
  const withComments = departments.filter((d) => d.comments.length > 0).length;

  const needle = query.trim().toLowerCase();
  const matches = (text: string) => text.toLowerCase().includes(needle);
  const shown = departments
    .filter((d) => (picked !== undefined ? d.departmentId === picked : !onlyWith || d.comments.length > 0))
    .map((d) => {
      const nameMatch = !needle || matches(d.label) || matches(d.name) || matches(d.code);
      return { ...d, nameMatch, visible: nameMatch ? d.comments : d.comments.filter(matches) };
    })
    .filter((d) => d.nameMatch || d.visible.length > 0);
  const overall = data.overall === null ? null : data.overall.filter((c) => !needle || matches(c));

  return (
    <Flex vertical gap={16}>
      {round.status !== 'closed' && round.status !== 'published' ? <Alert type="info" showIcon title={t('notFinal')} /> : null}
      <ReleaseState round={round} releasedAt={data.releasedAt} onChanged={onChanged} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t('stats.departmentComments')}
              value={t('stats.countValue', { n: total })}
              data-testid="stat-department-comments"
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('stats.departmentsWith')}
              value={t('stats.departmentsWithValue', { n: withComments, total: departments.length })}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('stats.overall')} value={data.overall === null ? '—' : t('stats.countValue', { n: data.overall.length })} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={15}>
          <Card title={t('departments.title')} data-testid="department-comments">
            <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
              <Input.Search
                allowClear
                placeholder={t('departments.search')}
                aria-label={t('departments.search')}
                style={{ width: 280 }}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="comments-search"
              />
              <Select<number>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('departments.allDepartments')}
                aria-label={t('departments.department')}
                style={{ minWidth: 260 }}
                value={picked}
                onChange={(value) => setPicked(value ?? undefined)}
                options={departments.map((d) => ({ value: d.departmentId, label: `${d.label}（${d.comments.length}）` }))}
                data-testid="department-filter"
              />
              <Space>
                <Switch
                  size="small"
                  checked={onlyWith}
                  disabled={picked !== undefined}
                  onChange={setOnlyWith}
                  aria-label={t('departments.onlyWith')}
                />
                <Typography.Text type={picked !== undefined ? 'secondary' : undefined}>{t('departments.onlyWith')}</Typography.Text>
              </Space>
            </Flex>
            {total === 0 && picked === undefined && onlyWith ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('departments.noneAtAll')} />
            ) : shown.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('departments.noMatch')} />
            ) : (
              <Flex vertical gap={12}>
                <Typography.Text type="secondary">{t('departments.shown', { n: shown.length })}</Typography.Text>
                {shown.map((d) => (
                  <Card
                    key={d.departmentId}
                    size="small"
                    type="inner"
                    title={<span data-testid="department-name">{d.label}</span>}
                    extra={
                      <Badge
                        count={d.comments.length}
                        showZero
                        color={d.comments.length ? '#1d4ed8' : '#bfbfbf'}
                        title={t('departments.count', { n: d.comments.length })}
                        data-testid="comment-count"
                      />
                    }
                    data-testid="department"
                    data-code={d.code}
                  >
                    {d.visible.length ? (
                      <CommentList items={d.visible} />
                    ) : (
                      <Typography.Text type="secondary">
                        {d.comments.length ? t('departments.noMatch') : t('departments.none')}
                      </Typography.Text>
                    )}
                  </Card>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        {overall !== null && data.overall !== null ? (
          <Col xs={24} xl={9}>
            <Card
              title={
                <Space>
                  {t('overall.title')}
                  <Badge count={data.overall.length} showZero color={data.overall.length ? '#1d4ed8' : '#bfbfbf'} />
                </Space>
              }
              data-testid="overall-comments"
            >
              <Typography.Paragraph type="secondary">{t('overall.note')}</Typography.Paragraph>
              {overall.length ? (
                <CommentList items={overall} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={data.overall.length ? t('overall.noMatch') : t('overall.none')} />
              )}
            </Card>
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}

function ReleaseState({ round, releasedAt, onChanged }: { round: Round; releasedAt: string | null; onChanged(): void }) {
  const { t } = useTranslation('comments');
  const { t: tc } = useTranslation('common');
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const quarter = useQuarter();
  const time = useTimeFormat();
  const user = useUser();

  if (releasedAt) {
    return (
      <Alert
        type="success"
        showIcon
        title={<span data-testid="release-state">{t('release.released', { time: time.dateTime(releasedAt) })}</span>}
        description={t('release.releasedHelp')}
      />
    );
  }
  const published = round.status === 'published';
  const canRelease = user.role === 'admin' && published;
  const release = () =>
    modal.confirm({
      title: t('release.confirmTitle', { quarter: quarter(round.id) }),
      icon: <ExclamationCircleOutlined />,
      content: t('release.confirmContent'),
      okText: t('release.confirmOk'),
      cancelText: tc('actions.cancel'),
      width: 520,
      onOk: async () => {
        try {
          await releaseRoundComments(round.id);
          message.success(t('release.done'));
        } catch (error) {
          message.error(
            errorText(error, { already_released: t('errors.already_released'), illegal_transition: t('errors.illegal_transition') }),
          );
        }
        onChanged();
      },
    });
  return (
    <Alert
      type="warning"
      showIcon
      title={<span data-testid="release-state">{t('release.notReleased')}</span>}
      description={
        !published ? (
          t('release.afterPublish')
        ) : (
          <>
            {t('release.notReleasedHelp')}
            {user.role !== 'admin' ? (
              <>
                <br />
                {t('release.adminOnly')}
              </>
            ) : null}
          </>
        )
      }
      action={
        canRelease ? (
          <Button type="primary" icon={<SendOutlined />} onClick={release} data-testid="release-comments">
            {t('release.button')}
          </Button>
        ) : undefined
      }
    />
  );
}
