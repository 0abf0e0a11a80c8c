/**
 * The staff web board (http/board/): the page, its sections and chart, the sign-in page and the error pages. Plain
 * text only: the templates put it into HTML and escape it.
 */
export const boardTexts = {
  boardTitle: 'Bảng theo dõi báo cáo dịp Tết',
  boardConnecting: 'Đang kết nối với máy chủ…',
  boardRoleAdmin: 'quản trị viên',
  boardRoleStaff: 'cán bộ Sở',
  boardLogout: 'Đăng xuất',
  boardDetailLabel: 'Chi tiết báo cáo',
  boardClose: 'Đóng',

  // --- sign-in and the error pages ---
  boardLoginTitle: 'Đăng nhập bảng theo dõi',
  boardLoginText:
    'Đường dẫn này chỉ dùng được một lần. Bấm nút dưới đây để vào bảng theo dõi; phiên đăng nhập kéo dài 8 giờ.',
  boardLoginButton: 'Vào bảng theo dõi',
  boardLinkRefused: 'Đường dẫn đăng nhập không dùng được',
  boardLinkRefusedLines: [
    'Đường dẫn này đã hết hạn (sau 10 phút), đã được dùng, hoặc không đúng.',
    'Gửi /web cho bot để nhận đường dẫn mới.',
  ],
  boardLoggedOut: 'Đã đăng xuất',
  boardLoggedOutLines: ['Bạn đã đăng xuất khỏi bảng theo dõi.', 'Gửi /web cho bot để đăng nhập lại.'],
  boardNotSignedIn: 'Chưa đăng nhập',
  boardNotSignedInLines: [
    'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
    'Gửi /web cho bot trên Telegram hoặc Zalo để nhận đường dẫn đăng nhập.',
  ],
  boardForbidden: 'Không có quyền truy cập',
  boardForbiddenLines: ['Bảng theo dõi chỉ dành cho cán bộ Sở.'],
  boardCrossSite: 'Yêu cầu bị từ chối',
  boardCrossSiteLines: ['Yêu cầu không đến từ trang của bảng theo dõi.'],
  boardTooLarge: 'Yêu cầu quá lớn',
  boardServerError: 'Lỗi máy chủ',
  boardServerErrorLines: ['Máy chủ gặp lỗi khi tạo bảng theo dõi. Vui lòng tải lại trang sau ít phút.'],
  boardNotFound: 'Không tìm thấy',
  boardNoSuchEnterprise: ['Không có doanh nghiệp này.'],

  // --- words many sections share ---
  boardNormal: 'Bình thường',
  boardIncident: 'Sự cố',
  boardResolved: 'Đã khắc phục',
  boardOngoing: 'Đang xử lý',
  /** After an incident's summary: "(đang xử lý)". */
  boardIncidentState: (ongoing: boolean) => (ongoing ? '(đang xử lý)' : '(đã khắc phục)'),
  boardAt: (time: string) => `lúc ${time}`,
  boardAmended: (times: number) => `đã sửa ${times} lần`,
  boardMissing: 'chưa báo cáo',
  boardEnterprise: 'Doanh nghiệp',

  // --- today ---
  boardToday: (day: string) => `Hôm nay, ${day}`,
  boardDeadline: (at: string) => `Hạn báo cáo hôm nay: ${at} (giờ Việt Nam)`,
  boardOutsideCampaign: (campaign: string) => `Hôm nay không thuộc đợt báo cáo ${campaign}.`,
  boardNoCampaign: 'Chưa có đợt báo cáo nào đang hoạt động.',
  boardReportedCount: (reported: number, total: number) => `Đã báo cáo ${reported}/${total}`,
  boardCardOpen: 'sự cố đang xử lý',
  boardCardUnreachable: 'tài khoản không liên lạc được',
  boardLatestAt: (time: string) => `báo cáo gần nhất lúc ${time}`,
  boardNeverReported: 'chưa báo cáo lần nào',
  boardTodayIncidents: (n: number) => `Sự cố trong ngày (${n})`,
  boardNoIncidentsToday: 'Không có sự cố.',
  boardOpenedAt: (time: string) => `báo lúc ${time}`,
  boardFixedAt: (time: string) => `khắc phục lúc ${time}`,
  boardMissingTitle: (n: number) => `Chưa báo cáo (${n})`,
  boardNoEnterprises: 'Chưa có doanh nghiệp nào trong danh sách.',
  boardAllReported: 'Tất cả doanh nghiệp đã báo cáo.',
  boardNoOfficer: 'chưa có cán bộ đăng ký',
  boardUnreachableTitle: (n: number) => `Không liên lạc được qua Zalo/Telegram (${n})`,
  boardAllReachable: 'Mọi cán bộ trực đều nhận được tin nhắn.',
  boardSince: (time: string) => `từ ${time}`,
  boardCallNeeded: 'cần gọi điện',
  boardReportedToday: (n: number) => `Đã báo cáo hôm nay (${n})`,

  // --- the grid of days ---
  boardGridTitle: (campaign: string) => `Báo cáo theo ngày — ${campaign}`,
  boardGridTitleRecent: 'Báo cáo 7 ngày gần đây',
  boardLegendNormal: 'đã báo cáo',
  boardLegendIncident: 'có sự cố',
  boardLegendAmended: 'đã sửa báo cáo',
  boardLegendHint: 'Bấm vào một ô để xem báo cáo và các lần sửa.',
  boardCellStates: {
    normal: 'Đã báo cáo',
    incident: 'Có sự cố',
    missing: 'Chưa báo cáo',
    pending: 'Chưa đến ngày',
  },
  boardGridReported: 'Đã báo cáo',
  boardGridTruncated: (shown: number, total: number) =>
    `Chỉ hiện ${shown}/${total} doanh nghiệp đầu tiên; danh sách đầy đủ có trong tệp Excel.`,

  // --- incidents ---
  boardIncidentsTitle: (n: number, open: number) => `Sự cố (${n}, ${open} đang xử lý)`,
  boardNoIncidents: 'Chưa có sự cố nào trong khoảng thời gian này.',
  boardArea: 'Khu vực',
  boardScale: 'Quy mô',
  boardUnknown: 'không rõ',
  boardReportedAtLabel: 'Báo lúc',
  boardOpenedOnDay: (at: string, day: string) => `${at} (ngày báo cáo ${day})`,
  boardFixedAtLabel: 'Khắc phục lúc',
  boardLastedLabel: 'Đã kéo dài',
  boardFixedAfter: (at: string, after: string) => `${at} (sau ${after})`,
  boardDescription: 'Mô tả',
  boardHistory: (n: number) => `Diễn biến (${n})`,

  // --- the chart ---
  boardChartTitle: 'Số báo cáo theo ngày',
  boardChartEmpty: 'Chưa có số liệu để vẽ biểu đồ.',
  boardChartAlt: 'Số doanh nghiệp đã báo cáo theo ngày và tỉ lệ báo cáo đúng hạn',
  boardChartNotDue: 'chưa đến hạn',
  boardChartOnTimeShare: (percent: string) => `đúng hạn ${percent}`,
  boardChartDay: (day: string, reported: number, total: number) =>
    `${day}: ${reported}/${total} doanh nghiệp đã báo cáo`,
  boardChartOnTime: (n: number, deadline: string | null) =>
    `${n} đúng hạn${deadline ? ` (trước ${deadline})` : ''}`,
  boardChartKeyOnTime: 'báo cáo trước hạn',
  boardChartKeyLate: 'báo cáo sau hạn hoặc ngày không có hạn',
  boardChartKeyMissing: (total: number) => `chưa báo cáo (trên tổng ${total} doanh nghiệp)`,

  // --- downloads and the draft ---
  boardExportsTitle: 'Tải về và tổng hợp',
  boardDownloadXlsx: 'Tải Excel',
  boardDownloadCsv: 'Tải CSV',
  boardDownloadDaysCsv: 'Tải CSV theo ngày (cả doanh nghiệp chưa báo cáo)',
  boardDraftTitle: 'Dự thảo báo cáo tổng hợp (như lệnh /tonghop)',
  boardCopyDraft: 'Sao chép dự thảo',
  boardCopied: 'Đã sao chép.',
  boardAsOf: (at: string) => `Số liệu lúc ${at} (giờ Việt Nam)`,

  // --- one cell's reports ---
  boardDetailTitle: (enterprise: string, day: string) => `${enterprise} — ngày ${day}`,
  boardDetailPageTitle: (enterprise: string) => `${enterprise} — báo cáo`,
  boardDetailEmpty: 'Chưa có báo cáo cho ngày này.',
  /** The first report of a day, then its amendments. */
  boardRevision: (revision: number) => (revision === 1 ? 'Báo cáo' : `Bản sửa lần ${revision - 1}`),
  boardDetailIncidents: 'Sự cố báo trong ngày',
  boardBack: '← Về bảng theo dõi',
};
