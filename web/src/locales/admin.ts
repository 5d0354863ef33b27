// Strings of the admin app, one namespace per area.
import enAudit from './en/audit.ts';
import enCommon from './en/common.ts';
import enDepartments from './en/departments.ts';
import enEnterprises from './en/enterprises.ts';
import enImporter from './en/importer.ts';
import enShell from './en/shell.ts';
import zhAudit from './zh/audit.ts';
import zhCommon from './zh/common.ts';
import zhDepartments from './zh/departments.ts';
import zhEnterprises from './zh/enterprises.ts';
import zhImporter from './zh/importer.ts';
import zhShell from './zh/shell.ts';

export const adminResources = {
  'zh-CN': {
    common: zhCommon, shell: zhShell, departments: zhDepartments, enterprises: zhEnterprises, importer: zhImporter, audit: zhAudit,
  },
  en: {
    common: enCommon, shell: enShell, departments: enDepartments, enterprises: enEnterprises, importer: enImporter, audit: enAudit,
  },
};
