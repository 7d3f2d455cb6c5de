/**
 * The one place where Excel's errors become messages a clerk can act on. Office.js rejects a
 * failed `context.sync()` with an `OfficeExtension.Error` whose `code` is a stable English
 * identifier (`InvalidOperationInCellEditMode`, `AccessDenied`, `ApiNotFound` ...) and whose
 * `message` is a developer text in the UI language; the task pane shows the Chinese text below,
 * keeps the code for support, and never shows a stack.
 *
 * Errors are recognised by shape (an object with a string `code`), not `instanceof
 * OfficeExtension.Error`, so the mapping works with the fake in tests and across Office.js
 * versions.
 */
import { MIN_EXCEL_API } from './requirements';

/** An error the Excel host raises or translates: `message` is Chinese and shown as is. */
export class ExcelHostError extends Error {
  override name = 'ExcelHostError';
  constructor(
    /** Excel's error code, or one of the host's own (ApiTooOld, WorkbookProtected, CampaignUnreadable ...). */
    readonly code: string,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

const BUSY = 'Excel 暂时无法响应（可能正在计算、保存或同步），请稍候几秒再试。';
const TOO_LARGE = '数据量超出 Excel 单次传输的上限。请缩小工作表的已用区域（删除表格下方和右侧多余的行列）后重试。';

/** Messages by Excel error code. `{doing}` is what the add-in was doing, e.g. "写入结果". */
const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格，无法{doing}。请先按 Enter 或 Esc 结束编辑，再点一次。',
  AccessDenied: '工作表或工作簿受保护，无法{doing}。请在“审阅”选项卡中撤销保护后重试。',
  ApiNotFound: `当前 Excel 版本过旧，不支持评议通需要的功能（至少需要 ExcelApi ${MIN_EXCEL_API}，即 Excel 2019、Microsoft 365 或网页版 Excel）。`,
  ApiNotAvailable: `当前 Excel 版本过旧，不支持评议通需要的功能（至少需要 ExcelApi ${MIN_EXCEL_API}，即 Excel 2019、Microsoft 365 或网页版 Excel）。`,
  NotImplemented: '当前 Excel（或其所在平台）尚不支持这项操作，无法{doing}。',
  ItemNotFound: '找不到要操作的工作表或对象，可能已被删除或改名，无法{doing}。',
  ItemAlreadyExists: '已有同名的工作表或名称，无法{doing}。请刷新后重试。',
  InvalidArgument: 'Excel 拒绝了写入的内容（参数无效），无法{doing}。请将问题反馈给管理员。',
  InvalidOperation: 'Excel 不允许这项操作，无法{doing}。',
  InvalidSelection: '当前选中的内容不允许这项操作，请点选一个单元格后重试。',
  InactiveWorkbook: '同时打开了多个工作簿，本工作簿已失去焦点。请切换回本工作簿后重试。',
  UnsupportedSheet: '这是图表工作表或宏表，无法{doing}。',
  MergedRangeConflict: '合并单元格与表格或其他合并区域冲突，无法{doing}。',
  InsertDeleteConflict: '插入或删除操作与工作表中的内容冲突，无法{doing}。',
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  RangeExceedsLimit: TOO_LARGE,
  OperationCellsExceedLimit: TOO_LARGE,
  MemoryLimitReached: 'Excel 内存不足，无法{doing}。请关闭其他工作簿后重试。',
  ActivityLimitReached: BUSY,
  ServiceNotAvailable: BUSY,
  GeneralException: BUSY,
  Conflict: '工作簿正被他人同时编辑，发生冲突，无法{doing}。请稍后重试。',
  RequestAborted: 'Excel 中止了这次操作，请重试。',
  Unauthenticated: '登录已失效，请重新登录 Office 后重试。',
  UnsupportedOperation: '当前 Excel 不支持这项操作，无法{doing}。',
};

export function errorCodeOf(e: unknown): string | null {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return null;
}

/** The Chinese message for an Excel error code (an unknown code is named so support can look it up). */
export function excelErrorMessage(code: string, doing = '完成操作'): string {
  const text = MESSAGES[code];
  if (text) return text.replace('{doing}', doing);
  return `Excel 操作失败，无法${doing}（错误代码 ${code}）。请重试；如仍失败，请将错误代码告知管理员。`;
}

/** Any error from Excel (or already translated) as an ExcelHostError with a Chinese message. */
export function toExcelHostError(e: unknown, doing?: string): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = errorCodeOf(e);
  if (code) return new ExcelHostError(code, excelErrorMessage(code, doing), e);
  const detail = e instanceof Error ? e.message : String(e);
  return new ExcelHostError('Unexpected', `评议通内部错误，无法${doing ?? '完成操作'}：${detail}`, e);
}

/** Runs `f`, translating whatever it throws. */
export async function translateErrors<T>(doing: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toExcelHostError(e, doing);
  }
}

/** Whether a failed read should be retried with smaller blocks (Excel on the web's size limits). */
export function isSizeLimit(e: unknown): boolean {
  const code = errorCodeOf(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}
