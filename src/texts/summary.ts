/**
 * The consolidated report to the provincial People's Committee: the draft of /tonghop and of the web board
 * (`draft…`), and the .docx laid out by Decree 30/2020/NĐ-CP (`doc…`). `report…` texts serve both.
 */
export const summaryTexts = {
  reportHeading: 'BÁO CÁO',
  /** "Tình hình đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn 2024". */
  reportTitle: (holiday: string) => `Tình hình đảm bảo thông tin liên lạc dịp ${holiday}`,
  reportPartGeneral: 'I. TÌNH HÌNH CHUNG',
  reportPartProposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  /** A day of the period: "Mùng 1 Tết (10/02/2024)" within the first ten days of Tết, else "Ngày 08/02/2024". */
  reportDayOfTet: (n: number, day: string) => `Mùng ${n} Tết (${day})`,
  reportDay: (day: string) => `Ngày ${day}`,
  reportOwnLetter: (number: string, org: string) => `Công văn số ${number} của ${org}`,
  /** The department's defaults when the letter does not say (features/directive.ts, orgFromLetter). */
  orgDefaultName: 'Sở',
  orgParentBody: (province: string) => `UBND TỈNH ${province}`,
  orgAddressee: (province: string) =>
    province ? `Ủy ban nhân dân tỉnh ${province}` : 'Ủy ban nhân dân tỉnh',

  // --- the draft (plain text) ---
  draftResolvedCount: (n: number) => `${n} đã khắc phục`,
  draftOngoingCount: (n: number) => `${n} đang xử lý`,
  /** An officer's words as written; typed without diacritics, quoted as such and marked. */
  draftQuoted: (text: string, withoutDiacritics: boolean) =>
    withoutDiacritics ? `"${text}" (nguyên văn, không dấu)` : `"${text}"`,
  draftArea: (area: string) => `khu vực: ${area}`,
  draftScale: (scale: string) => `quy mô ảnh hưởng: ${scale}`,
  draftDescription: (text: string) => `mô tả: ${text}`,
  draftResolvedAt: (at: string, after: string) => `đã khắc phục lúc ${at} (sau ${after})`,
  draftStillOngoing: 'đến thời điểm báo cáo vẫn đang khắc phục',
  draftIncidentDetail: (parts: string, openedAt: string, handled: string) =>
    `${parts}. Xảy ra lúc ${openedAt}; ${handled}.`,
  draftFieldNoEnterprises: (sector: string) => `Danh sách theo dõi chưa có doanh nghiệp ${sector}.`,
  draftFieldNoReports: (sector: string, members: number) =>
    `Chưa nhận được báo cáo của doanh nghiệp ${sector} nào (${members} doanh nghiệp).`,
  draftFieldBasis: (reporters: number, members: number, sector: string, reports: number) =>
    `Theo báo cáo của ${reporters}/${members} doanh nghiệp ${sector} (${reports} báo cáo ngày)`,
  draftFieldNormal: (basis: string, normal: string) => `${basis}, ${normal}`,
  draftFieldIncidents: (basis: string, n: number, handling: string) =>
    `${basis}, ghi nhận ${n} sự cố (${handling}):`,
  draftFieldIncident: (day: string, enterprise: string, kind: string, resolved: boolean) =>
    `- Ngày ${day}, ${enterprise}: ${kind}${resolved ? ' (đã khắc phục)' : ' (đang xử lý)'}.`,
  draftFieldOthersNormal:
    'Ngoài các sự cố trên, các báo cáo còn lại cho biết tình hình hoạt động bình thường.',
  draftSubtitle: (time: string, day: string) =>
    `(Dự thảo tổng hợp từ báo cáo của doanh nghiệp, số liệu đến ${time} ngày ${day})`,
  draftPeriod: (from: string, to: string) => `Thời gian tổng hợp: từ ngày ${from} đến ngày ${to}.`,
  draftReportingHeading: '1. Công tác báo cáo của doanh nghiệp',
  draftNoEnterprises: 'Danh sách theo dõi chưa có doanh nghiệp nào.',
  draftReported: (any: number, total: number, complete: number | null) =>
    `Có ${any}/${total} doanh nghiệp bưu chính, viễn thông đã gửi báo cáo` +
    (complete !== null ? `; ${complete}/${total} doanh nghiệp báo cáo đầy đủ các ngày đã đến hạn.` : '.'),
  draftDayIncidents: (n: number) => `ghi nhận ${n} sự cố`,
  draftDayNotDue: 'chưa đến hạn báo cáo',
  draftDay: (day: string, reported: number, total: number, extra: string[]) =>
    `- Ngày ${day}: ${reported}/${total} doanh nghiệp đã báo cáo${extra.length ? ` (${extra.join('; ')})` : ''}.`,
  draftTelecomHeading: '2. Tình hình mạng viễn thông',
  draftTelecomNormal: 'mạng lưới viễn thông, Internet hoạt động ổn định, thông suốt, không ghi nhận sự cố.',
  draftPostalHeading: '3. Tình hình hoạt động bưu chính',
  draftPostalNormal: 'hoạt động bưu chính diễn ra bình thường, không ghi nhận sự cố.',
  draftIncidentsHeading: 'II. CÁC SỰ CỐ VÀ KẾT QUẢ XỬ LÝ',
  draftNoIncidents: 'Trong thời gian tổng hợp, không có doanh nghiệp nào báo cáo sự cố.',
  draftIncidentTotal: (n: number, handling: string) => `Tổng số ${n} sự cố (${handling}):`,
  draftIncident: (n: number, day: string, enterprise: string, detail: string) =>
    `${n}. Ngày ${day}, ${enterprise}: ${detail}`,
  draftMissingHeading: 'III. DOANH NGHIỆP CHƯA BÁO CÁO',
  draftNothingDue: 'Chưa có ngày nào đến hạn báo cáo.',
  draftNoneMissing: 'Tất cả doanh nghiệp đã báo cáo đầy đủ các ngày đã đến hạn.',
  draftMissingCount: (missing: number, total: number) =>
    `Có ${missing}/${total} doanh nghiệp chưa báo cáo đầy đủ:`,
  draftMissingAllDays: (due: number) => `chưa gửi báo cáo ngày nào (${due} ngày đã đến hạn)`,
  draftMissingSomeDays: (missed: number, due: number, days: string) =>
    `chưa báo cáo ${missed}/${due} ngày: ${days}`,
  draftMissingLine: (enterprise: string, when: string) => `- ${enterprise}: ${when}.`,
  draftProposalsPlaceholder: '[Bổ sung đề xuất, kiến nghị (nếu có).]',

  // --- the .docx (Decree 30) ---
  /** "Bắc Giang, ngày 05 tháng 02 năm 2024". */
  docPlaceDate: (place: string, day: string, month: string, year: number) =>
    `${place}, ngày ${day} tháng ${month} năm ${year}`,
  docNumber: (symbol: string) => `Số:        /BC-${symbol}`,
  docNation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  docMotto: 'Độc lập - Tự do - Hạnh phúc',
  docAddressee: (addressee: string) => `Kính gửi: ${addressee}.`,
  docPeriod: (from: string, to: string) => `từ ngày ${from} đến ngày ${to}`,
  docSubject: (org: string, title: string, period: string) => `${org} báo cáo ${title} ${period} như sau:`,
  docOpeningOnReports: (subject: string) =>
    `Trên cơ sở báo cáo của các doanh nghiệp bưu chính, viễn thông, ${subject}`,
  docOpeningOwnLetter: (ownLetter: string) =>
    `, trên cơ sở báo cáo của các doanh nghiệp theo yêu cầu tại ${ownLetter}`,
  docOpening: (reference: string, basis: string, subject: string) =>
    `Thực hiện ${reference}${basis}, ${subject}`,
  docIncidentsResolvedOne: 'đã được khắc phục',
  docIncidentsResolvedAll: 'đều đã được khắc phục',
  docIncidentsOngoing: 'đang được khắc phục',
  docIncidentsMixed: (resolved: number, ongoing: number) =>
    `trong đó ${resolved} sự cố đã khắc phục, ${ongoing} sự cố đang khắc phục`,
  docIncidentCount: (n: number, state: string) =>
    `Trong kỳ ghi nhận ${n} sự cố, ${state} (chi tiết tại Mục II).`,
  docTelecomHeading: '1. Mạng viễn thông, Internet',
  docTelecomNetwork: 'mạng viễn thông, Internet',
  docTelecomFirms: 'doanh nghiệp viễn thông',
  docPostalHeading: '2. Mạng bưu chính',
  docPostalNetwork: 'mạng bưu chính',
  docPostalFirms: 'doanh nghiệp bưu chính',
  docSectorNoFirms: (firms: string) => `Trong kỳ không có ${firms} thuộc diện báo cáo.`,
  docSectorIntro: (count: number, firms: string, names: string) =>
    `Trong kỳ báo cáo, ${count} ${firms} trên địa bàn tỉnh tham gia báo cáo: ${names}.`,
  docSectorNormal: (network: string) =>
    `Theo báo cáo của các doanh nghiệp, ${network} trên địa bàn tỉnh hoạt động ổn định, thông suốt, không xảy ra sự cố.`,
  docProposalKeepOnDuty: (addressee: string) =>
    `Đề nghị ${addressee} tiếp tục chỉ đạo các doanh nghiệp bưu chính, viễn thông trên địa bàn duy trì chế độ trực, bảo đảm thông tin liên lạc thông suốt phục vụ sự lãnh đạo, chỉ đạo của các cấp và nhu cầu của Nhân dân trong thời gian còn lại của dịp Tết và mùa lễ hội Xuân.`,
  docProposalFixOngoing: (org: string, addressee: string) =>
    `${org} tiếp tục theo dõi, đôn đốc doanh nghiệp khẩn trương khắc phục dứt điểm sự cố đang xử lý và báo cáo kết quả về ${addressee}.`,
  docProposalChaseMissing: (org: string) =>
    `${org} tiếp tục đôn đốc các doanh nghiệp chưa báo cáo đầy đủ thực hiện nghiêm chế độ báo cáo hằng ngày theo quy định.`,
  docDayTableHeader: ['TT', 'Ngày', 'Doanh nghiệp đã báo cáo', 'Sự cố ghi nhận'],
  docDayTableTotal: 'Tổng cộng',
  docReportingHeading: '3. Tình hình báo cáo của doanh nghiệp',
  docReportingNoDays: 'Trong kỳ chưa có số liệu báo cáo.',
  docReportingRate: (reported: number, expected: number, rate: string) =>
    `Các doanh nghiệp đã gửi ${reported}/${expected} lượt báo cáo theo ngày${rate}, cụ thể:`,
  docMissingByDay: 'Doanh nghiệp chưa báo cáo theo từng ngày:',
  docNoneMissingByDay: 'Tất cả doanh nghiệp đã báo cáo đủ các ngày trong kỳ.',
  docDescriptionWithoutDiacritics: (text: string) => `Nội dung báo cáo: “${text}” (nguyên văn, không dấu).`,
  docDescription: (text: string, stop: string) => `Nội dung báo cáo: “${text}”${stop}`,
  docOpenedAt: (at: string) => `Xảy ra lúc ${at}`,
  docStillOngoing: (opened: string) => `${opened}; đến thời điểm báo cáo vẫn đang khắc phục.`,
  docFixedAfter: (duration: string) => ` (khắc phục sau ${duration})`,
  docResolved: (opened: string, at: string, duration: string) =>
    `${opened}; đã khắc phục lúc ${at}${duration}.`,
  docArea: (area: string) => `Khu vực: ${area}`,
  docScale: (scale: string) => `quy mô ảnh hưởng: ${scale}`,
  docHandling: 'Quá trình xử lý:',
  docIncidentsHeading: 'II. SỰ CỐ VÀ KẾT QUẢ XỬ LÝ',
  docNoIncidents: 'Trong kỳ không có sự cố.',
  docMissingLine: (enterprise: string, count: number, days: string, end: string) =>
    `- ${enterprise}: chưa báo cáo ${count} ngày: ${days}${end}`,
  docMissingHeading: 'III. DOANH NGHIỆP CHƯA BÁO CÁO ĐẦY ĐỦ',
  docNoneMissing: 'Trong kỳ, tất cả doanh nghiệp đã báo cáo đầy đủ các ngày.',
  docClosing: (title: string, org: string, addressee: string) =>
    `Trên đây là báo cáo ${title} của ${org}, kính báo cáo ${addressee} xem xét, chỉ đạo./.`,
  docRecipientsHeading: 'Nơi nhận:',
  /** "Nơi nhận" when the report names none. */
  docDefaultRecipients: ['Như trên', 'Lãnh đạo Sở', 'Lưu: VT, BCVT'],
  /** The signer when the org names no authority and no title. */
  docDirector: 'GIÁM ĐỐC',
};
