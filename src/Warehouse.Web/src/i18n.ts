// Interface text in Chinese (default: the officials read Chinese) and English, switchable on every page.
import { loadSetting, saveSetting } from './api';

export type Lang = 'zh' | 'en';

const text = {
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  role: { zh: '角色', en: 'Role' },
  region: { zh: '区划', en: 'Region' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '村', en: 'Village' },
  getToken: { zh: '获取本地令牌', en: 'Get local token' },
  devOnly: { zh: '开发环境：本地令牌', en: 'Development: local token' },
  pasteToken: { zh: '粘贴令牌（Bearer token）', en: 'Paste a token (Bearer)' },
  useToken: { zh: '使用此令牌', en: 'Use token' },
  signedInAs: { zh: '当前身份', en: 'Signed in as' },
  notSignedIn: { zh: '未登录', en: 'Not signed in' },
  roleCounty: { zh: '县级', en: 'county' },
  roleTownship: { zh: '乡镇级', en: 'township' },
  roleVillage: { zh: '村级', en: 'village' },
  roleAdmin: { zh: '管理员', en: 'admin' },
  examples: { zh: '示例查询', en: 'Example queries' },
  examplesHint: { zh: '点击在新标签页中打开', en: 'Click to open in a new tab' },
  adminTitle: { zh: '权限管理控制台', en: 'Permission console' },
  ideLink: { zh: 'GraphQL 查询界面', en: 'GraphQL IDE' },
  adminLink: { zh: '权限管理', en: 'Admin console' },
  tabMatrix: { zh: '权限矩阵', en: 'Permission matrix' },
  tabAssignments: { zh: '用户授权', en: 'User assignments' },
  tabAudit: { zh: '审计日志', en: 'Audit trail' },
  type: { zh: '类型', en: 'Type' },
  field: { zh: '字段', en: 'Field' },
  label: { zh: '中文名', en: 'Label' },
  allTypes: { zh: '全部类型', en: 'All types' },
  filter: { zh: '筛选', en: 'Filter' },
  FULL: { zh: '完整', en: 'full' },
  MASKED: { zh: '脱敏', en: 'masked' },
  HIDDEN: { zh: '隐藏', en: 'hidden' },
  revealable: { zh: '可申请查看', en: 'revealable' },
  aggregateOnly: { zh: '仅汇总', en: 'aggregate only' },
  pending: { zh: '待保存的修改', en: 'Pending changes' },
  noPending: { zh: '没有待保存的修改', en: 'No pending changes' },
  save: { zh: '保存', en: 'Save' },
  discard: { zh: '放弃修改', en: 'Discard' },
  reload: { zh: '重新加载', en: 'Reload' },
  saved: { zh: '已保存', en: 'Saved' },
  loading: { zh: '加载中…', en: 'Loading…' },
  conflictTitle: { zh: '保存冲突：其他人已修改这些单元格，未应用任何修改。', en: 'Conflict: someone changed these cells since you loaded them; nothing was applied.' },
  conflictReload: { zh: '重新加载最新权限（放弃本地修改）', en: 'Reload the current matrix (discard your edits)' },
  invalidTitle: { zh: '服务器拒绝了修改，未应用任何修改：', en: 'The server refused the change; nothing was applied:' },
  userId: { zh: '用户 ID', en: 'User id' },
  status: { zh: '状态', en: 'Status' },
  version: { zh: '版本', en: 'Version' },
  updated: { zh: '更新时间', en: 'Updated' },
  updatedBy: { zh: '更新人', en: 'Updated by' },
  search: { zh: '搜索（用户 ID 或区划代码前缀）', en: 'Search (user id or region code prefix)' },
  add: { zh: '新增授权', en: 'Add assignment' },
  change: { zh: '修改', en: 'Change' },
  revoke: { zh: '撤销', en: 'Revoke' },
  cancel: { zh: '取消', en: 'Cancel' },
  chooseRegion: { zh: '选择区划', en: 'Choose region' },
  active: { zh: '有效', en: 'active' },
  revoked: { zh: '已撤销', en: 'revoked' },
  kind: { zh: '事件类型', en: 'Kind' },
  anyKind: { zh: '全部事件', en: 'Any kind' },
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '截止日期', en: 'To' },
  at: { zh: '时间', en: 'At' },
  detail: { zh: '详情', en: 'Detail' },
  newer: { zh: '第一页', en: 'First page' },
  older: { zh: '下一页（更早）', en: 'Next page (older)' },
  noRecords: { zh: '没有记录', en: 'No records' },
  notAdmin: { zh: '此令牌不是管理员令牌。', en: 'This token is not an admin token.' },
  language: { zh: 'English', en: '中文' },
  needTokenTitle: { zh: '请先选择角色或粘贴令牌', en: 'Pick a role or paste a token' },
  needTokenDev: { zh: '开发环境：在上方选择角色和区划，点击“获取本地令牌”。', en: 'Development: choose a role and a region above and press “Get local token”.' },
  needTokenPaste: { zh: '在上方粘贴令牌（Entra ID 的 Bearer 令牌），点击“使用此令牌”。', en: 'Paste a token (an Entra ID bearer token) above and press “Use token”.' },
  needTokenWhy: { zh: '查询界面在有令牌之前不会发出任何请求：架构、补全和文档都取决于您的角色。', en: 'The IDE sends nothing before there is a token: the schema, completion and docs depend on your role.' },
  switchRole: { zh: '切换身份', en: 'Switch' },
  downloadCsv: { zh: '下载 CSV（整个列表，同样的筛选和排序）', en: 'Download CSV (the whole list, same where/order)' },
  tabSchema: { zh: '按角色预览架构', en: 'Schema as a role' },
  previewHint: { zh: '该角色此刻得到的 GraphQL 架构（隐藏的字段不出现）', en: 'The GraphQL schema this role gets now (hidden fields are absent)' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  importJson: { zh: '导入 JSON', en: 'Import JSON' },
  importChanges: { zh: '处不同，列为待保存的修改', en: 'differences, listed as pending changes' },
  importUnknown: { zh: '个单元格在当前矩阵中不存在，已忽略', en: 'cells not in the current matrix, ignored' },
  importBadFile: { zh: '不是权限矩阵导出文件', en: 'Not a permission matrix export' },
  bulkSet: { zh: '批量设置', en: 'Bulk: set' },
  allRoles: { zh: '全部角色', en: 'all roles' },
  access: { zh: '权限', en: 'Access' },
  bulkApply: { zh: '应用到显示的行', en: 'for the rows shown' },
  bulkSetCount: { zh: '个单元格已设置', en: 'cells set' },
  bulkSkipped: { zh: '个跳过（字段不允许）', en: 'skipped (the field does not allow it)' },
  copyCurl: { zh: '复制为 curl', en: 'Copy as curl' },
  includeToken: { zh: '包含令牌', en: 'include token' },
  curlHint: { zh: '令牌以 $TOKEN 代替；先执行 export TOKEN=…', en: 'The token is written as $TOKEN; export TOKEN=… first' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  close: { zh: '关闭', en: 'Close' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  value: { zh: '值', en: 'Value' },
  key: { zh: '项', en: 'Key' },
  explorer: { zh: '点选构建查询', en: 'Explorer' },
  explain: { zh: '执行计划（Explain）', en: 'Explain' },
  explainRun: { zh: '分析当前查询', en: 'Explain the current query' },
  explainHint: {
    zh: '运行当前查询（与 /graphql 相同的权限、范围和审计），只显示它执行的 SQL 语句及每条语句的执行计划，不显示任何数据值。仅在开发环境或对管理员提供，每次分析都记入审计日志。',
    en: 'Runs the current query (same permissions, scope and audit as /graphql) and shows only the SQL statements it ran and each one\'s plan, never a data value. Offered in Development and to admins only; every explain is audited.',
  },
  explainBusy: { zh: '分析中…', en: 'Explaining…' },
  explainStatements: { zh: '条语句', en: 'statements' },
  explainParameters: { zh: '参数（只显示名称）', en: 'Parameters (names only)' },
  explainPlan: { zh: '执行计划', en: 'Plan' },
  explainWrite: { zh: '写入语句（审计），不分析', en: 'A write (the audit record): not planned' },
  explainNoPlan: { zh: '数据库无法给出此语句的计划', en: 'The database could not plan this statement' },
  explainErrors: { zh: '查询本身的错误', en: 'The query\'s own errors' },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof text;

export function initialLang(): Lang {
  const stored = loadSetting('warehouse.lang');
  return stored === 'en' || stored === 'zh' ? stored : 'zh';
}

export function storeLang(lang: Lang): void {
  saveSetting('warehouse.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function translator(lang: Lang): (key: TextKey) => string {
  return (key) => text[key][lang];
}

export function roleName(t: (key: TextKey) => string, role: string): string {
  switch (role) {
    case 'county': return t('roleCounty');
    case 'township': return t('roleTownship');
    case 'village': return t('roleVillage');
    case 'admin': return t('roleAdmin');
    default: return role;
  }
}
