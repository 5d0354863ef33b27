// A starting page per role: what this account can do today (dashboards come later).
import { Alert, Button, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../shared/schemas/common.ts';
import { PAGES, type PageKey } from '../access.ts';
import { useUser } from '../auth.tsx';
import { getDepartment } from '../endpoints.ts';
import { departmentName } from '../labels.ts';
import { useLoad } from '../useLoad.ts';

type Task = { page: PageKey; text: string } | { page: null; text: string };

function useTasks(role: Role): Task[] {
  const { t } = useTranslation('shell');
  switch (role) {
    case 'admin':
      return [
        { page: 'departments', text: t('home.admin.departments') },
        { page: 'enterprises', text: t('home.admin.enterprises') },
        { page: 'import', text: t('home.admin.import') },
        { page: 'audit', text: t('home.admin.audit') },
      ];
    case 'leader':
      return [{ page: 'departments', text: t('home.leader.departments') }];
    case 'supervisor':
      return [
        { page: 'departments', text: t('home.supervisor.departments') },
        { page: 'enterprises', text: t('home.supervisor.enterprises') },
        { page: 'audit', text: t('home.supervisor.audit') },
      ];
    case 'dept_head':
      return [
        { page: 'departments', text: t('home.dept_head.departments') },
        { page: null, text: t('home.dept_head.own') },
      ];
  }
}

/** A department head's own department (a failed load just leaves the line out). */
function OwnDepartment({ id }: { id: number }) {
  const { t, i18n } = useTranslation('shell');
  const { data } = useLoad((signal) => getDepartment(id, signal), [id]);
  if (!data) return null;
  return <Typography.Text type="secondary" data-testid="own-department">{t('home.ownDepartment', { name: departmentName(data, i18n.language) })}</Typography.Text>;
}

export function HomePage() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('common');
  const user = useUser();
  const tasks = useTasks(user.role);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 800 }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('home.welcome', { name: user.displayName })}</Typography.Title>
        <Flex vertical>
          <Typography.Text type="secondary">{t('home.roleLine', { role: tc(`roles.${user.role}`) })}</Typography.Text>
          {user.role === 'dept_head' && user.departmentId !== null ? <OwnDepartment id={user.departmentId} /> : null}
        </Flex>
      </div>
      {user.role === 'supervisor' ? <Alert type="info" showIcon title={t('home.supervisor.readOnly')} /> : null}
      <Card title={t('home.whatYouCanDo')}>
        <List
          dataSource={tasks}
          renderItem={(task) => {
            const path = task.page ? PAGES.find((p) => p.key === task.page)?.path : undefined;
            return (
              <List.Item extra={path ? <Link to={path}><Button>{t(`nav.${task.page as PageKey}`)}</Button></Link> : null}>
                {task.text}
              </List.Item>
            );
          }}
        />
      </Card>
      <Typography.Text type="secondary">{t('home.comingLater')}</Typography.Text>
    </Flex>
  );
}
