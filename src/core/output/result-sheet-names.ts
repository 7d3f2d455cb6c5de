/**
 * The names of the result workbook's sheets, in the order describeResultWorkbook gives them; kept apart so
 * the task pane can say what it will write without loading the describers (a test holds the two together).
 */
export const RESULT_SHEET_NAMES = ['排名表', '公示表', '整改清单', '统计表', '校验结果'] as const;
