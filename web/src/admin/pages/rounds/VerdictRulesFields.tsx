// In the round form: the reasons for 不满意 the survey offers (defaults prefilled; add, remove, reword —
// codes stay) and which ranking is official. Mounted by one line in RoundFormModal; the fields live in
// its form (names `reasons` and `officialRanking`), and verdictRulesBody puts them in the request.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OFFICIAL_RANKINGS } from '#shared/results/official-ranking.ts';
import type { Round } from '#shared/schemas/rounds.ts';
import { addableReason, initialVerdictRules } from './verdict-rules.ts';

export function VerdictRulesFields({ round }: { round?: Round }) {
  const { t, i18n } = useTranslation('rounds');
  const en = i18n.language === 'en';
  const form = Form.useFormInstance();
  const initial = initialVerdictRules(round);
  const reasons = Form.useWatch('reasons', { form, preserve: true }) ?? initial.reasons;
  const next = addableReason(reasons);
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <div data-testid="verdict-rules">
      <Divider titlePlacement="start" plain>
        {t('verdict.title')}
      </Divider>
      <Form.Item
        name="officialRanking"
        label={t('verdict.officialRanking')}
        extra={t('verdict.officialRankingHelp')}
        initialValue={initial.officialRanking}
      >
        <Radio.Group data-testid="official-ranking-choice">
          <Flex vertical gap={4}>
            {OFFICIAL_RANKINGS.map((v) => (
              <Radio key={v} value={v}>
                {t(`verdict.ranking.${v}`)}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Typography.Text strong>{t('verdict.reasons')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('verdict.reasonsHelp')}
      </Typography.Paragraph>
      <Form.List name="reasons" initialValue={initial.reasons}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} data-testid="reason-rows">
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} wrap align="start" data-testid="reason-row">
                {/* The code travels with the row (registered, so the form's values carry it); never shown. */}
                <Form.Item name={[field.name, 'code']} hidden noStyle>
                  <Input type="hidden" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'labelZh']}
                  rules={required(t('verdict.labelRequired'))}
                  style={{ flex: '1 1 140px', marginBottom: 8 }}
                >
                  <Input maxLength={40} aria-label={t('verdict.labelZh', { n: i + 1 })} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'labelEn']}
                  rules={required(t('verdict.labelRequired'))}
                  style={{ flex: '1 1 180px', marginBottom: 8 }}
                >
                  <Input maxLength={80} aria-label={t('verdict.labelEn', { n: i + 1 })} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('verdict.remove', { n: i + 1 })} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            {fields.length === 0 ? <Typography.Text type="secondary">{t('verdict.noReasons')}</Typography.Text> : null}
            <div>
              <Button icon={<PlusOutlined />} disabled={!next} onClick={() => next && add(next)} data-testid="reason-add">
                {next ? t('verdict.add', { label: en ? next.labelEn : next.labelZh }) : t('verdict.allOffered')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </div>
  );
}
