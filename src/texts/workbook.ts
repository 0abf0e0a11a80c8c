/**
 * The exported workbook and its CSV files: sheet names, column headers (in the order of the columns), the words of
 * the cells. Staff filter the sheets by these words, so each state has one spelling.
 */
export const workbookTexts = {
  workbookCreator: 'Bot liên lạc dịp Tết',
  sheetMatrix: 'Tổng hợp',
  sheetDays: 'Theo ngày',
  sheetReports: 'Báo cáo',
  sheetIncidents: 'Sự cố',
  /** The "Tổng hợp" sheet: enterprises down, days across. */
  sheetMatrixColumns: { enterprise: 'Doanh nghiệp', code: 'Mã' },
  sheetMatrixLabels: { normal: 'Đã báo cáo', missing: 'Chưa báo cáo', incident: 'Sự cố' },
  sheetMatrixTotal: 'Số doanh nghiệp đã báo cáo',
  /** "Báo cáo": every revision. */
  sheetReportColumns: {
    ref: 'Số tham chiếu',
    day: 'Ngày',
    enterprise: 'Doanh nghiệp',
    code: 'Mã',
    revision: 'Lần sửa',
    status: 'Tình hình',
    kind: 'Loại sự cố',
    area: 'Khu vực',
    scale: 'Quy mô',
    state: 'Trạng thái',
    note: 'Mô tả',
    reporter: 'Người báo cáo',
    channel: 'Kênh',
    at: 'Thời điểm (giờ VN)',
  },
  sheetStatusNormal: 'Bình thường',
  sheetStatusIncident: 'Sự cố',
  sheetOngoing: 'Đang xử lý',
  sheetResolved: 'Đã khắc phục',
  /** "Sự cố": every incident open in the range. */
  sheetIncidentColumns: {
    enterprise: 'Doanh nghiệp',
    day: 'Ngày báo cáo',
    kind: 'Loại sự cố',
    area: 'Khu vực',
    scale: 'Quy mô',
    note: 'Mô tả',
    openedAt: 'Báo lúc (giờ VN)',
    state: 'Trạng thái cuối',
    resolvedAt: 'Khắc phục lúc (giờ VN)',
    duration: 'Thời gian khắc phục',
    history: 'Diễn biến',
  },
  /** "Theo ngày": one row per enterprise and day. */
  sheetDayColumns: {
    day: 'Ngày',
    enterprise: 'Doanh nghiệp',
    code: 'Mã',
    sector: 'Lĩnh vực',
    state: 'Tình trạng',
    firstAt: 'Giờ báo cáo',
    reporters: 'Người báo cáo',
    revisions: 'Số lần báo cáo',
    lastAt: 'Cập nhật lần cuối',
    incidentCount: 'Số sự cố',
    incidents: 'Sự cố',
  },
  sheetDayStates: { normal: 'Bình thường', incident: 'Có sự cố', missing: 'Chưa báo cáo' },
  /** "Mất liên lạc / mất sóng, Huyện Lục Ngạn, 11–100 (đã khắc phục)". */
  sheetIncidentSummary: (parts: string, resolved: boolean) =>
    `${parts} (${resolved ? 'đã khắc phục' : 'đang xử lý'})`,
};
