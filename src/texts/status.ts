/** /status: who has reported and who has not, incidents, one enterprise's history. */
export const statusTexts = {
  statusTitle: (day: string, at: string) => `📊 Tình hình báo cáo ngày ${day} (tính đến ${at})`,
  statusCounts: (done: number, total: number) => `Đã báo cáo: ${done}/${total}`,
  statusDeadline: (deadline: string) => `Hạn báo cáo: ${deadline}`,
  statusIncidents: (n: number) => `⚠️ Có sự cố (${n}):`,
  statusMissing: (n: number) => `⏳ Chưa báo cáo (${n}):`,
  statusMore: (n: number) => `… và ${n} doanh nghiệp khác (danh sách đầy đủ: /export)`,
  statusMoreIncidents: (n: number) => `… và ${n} sự cố khác (danh sách đầy đủ: /export)`,
  statusAllReported: '✅ Tất cả doanh nghiệp đã báo cáo.',
  statusUnreachable: (n: number) => `📵 Không liên lạc được qua Zalo/Telegram (${n}) — nên gọi điện:`,
  statusNoEnterprises:
    'Chưa có doanh nghiệp nào trong danh sách. Dùng lệnh quản trị để nhập danh sách doanh nghiệp.',
  statusBadArg:
    'Không hiểu yêu cầu. Dùng: /status (hôm nay), /status 10/02 (một ngày), hoặc /status <mã hoặc tên doanh nghiệp>.',
  statusHistoryTitle: (name: string, code: string) => `📁 Lịch sử báo cáo của ${name} (${code}):`,
  statusHistoryEmpty: (name: string) => `${name} chưa có báo cáo nào.`,
  statusAmended: (n: number) => `sửa đổi ${n} lần`,
  statusEarlierIncident: (times: string[]) => `trước đó báo sự cố lúc ${times.join(', ')}`,
  statusIncidentHistory: 'Sự cố (mới nhất trước):',
  statusMissingLine: (name: string, code: string, hasOfficer: boolean) =>
    `• ${name} (${code})${hasOfficer ? '' : ' — chưa có cán bộ đăng ký'}`,
  historyNormal: '✅ Bình thường',
  historyIncident: (what: string) => `⚠️ ${what}`,
  digestTitle: (text: string) => `📰 Tổng hợp cuối ngày\n${text}`,
};
