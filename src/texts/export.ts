/** /export and /tonghop: usage, the captions of the files sent, and why a range cannot be exported. */
export const exportTexts = {
  exportUsage:
    'Cách dùng: /export [csv] [từ ngày] [đến ngày]\nVí dụ: /export (cả đợt, tệp Excel), /export csv, /export 08/02 14/02',
  summaryUsage:
    'Cách dùng: /tonghop [từ ngày] [đến ngày]\nVí dụ: /tonghop (cả đợt đến hôm nay), /tonghop 08/02 12/02',
  exportCaption: (p: {
    from: string;
    to: string;
    enterprises: number;
    revisions: number;
    incidents: number;
  }) =>
    `📊 Báo cáo dịp Tết từ ${p.from} đến ${p.to}: ${p.enterprises} doanh nghiệp, ${p.revisions} lượt báo cáo ` +
    `(kể cả bản sửa), ${p.incidents} báo cáo sự cố.`,
  exportDaysCaption: (p: { from: string; to: string; missing: number; incident: number }) =>
    `📋 Tình hình từng doanh nghiệp theo ngày từ ${p.from} đến ${p.to}, kể cả doanh nghiệp chưa báo cáo: ` +
    `${p.missing} lượt "Chưa báo cáo", ${p.incident} lượt "Có sự cố". Lọc cột "Tình trạng" để xem từng nhóm.`,
  summaryCaption: (day: string) =>
    `📝 Dự thảo báo cáo gửi UBND tỉnh (tệp Word theo thể thức Nghị định 30/2020/NĐ-CP), lập ngày ${day}. Điền số văn bản, ký và đóng dấu trước khi gửi.`,
  exportReversedRange: (from: string, to: string) => `Ngày bắt đầu ${from} sau ngày kết thúc ${to}.`,
  exportRangeTooLong: (maxDays: number) => `Khoảng thời gian quá dài (tối đa ${maxDays} ngày).`,
};
