// The dialog every admin form uses: its fields, Save and Cancel, the spinner while saving, and what
// went wrong (a sentence from useSave) above the fields.
import { Alert, Modal, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: ReactNode;
  /** The save button's label; 保存 by default. */
  okText?: string;
  okButtonProps?: ButtonProps;
  saving: boolean;
  problem: string | null;
  problemTestId?: string;
  onOk(): void;
  onCancel(): void;
  width?: number;
  children: ReactNode;
}

export function FormModal({ title, okText, okButtonProps, saving, problem, problemTestId, onOk, onCancel, width = 520, children }: Props) {
  const { t } = useTranslation('common');
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('actions.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      width={width}
      okButtonProps={okButtonProps}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid={problemTestId} /> : null}
      {children}
    </Modal>
  );
}
