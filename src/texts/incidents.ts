/** Incidents after they are reported: the officer is asked whether fixed; staff are alerted. */
export const incidentsTexts = {
  openIncidentAsk: (title: string) => `Sự cố ${title} đã khắc phục chưa?`,
  incidentFixedReply: (title: string, duration: string) =>
    `✅ Đã ghi nhận: sự cố ${title} đã được khắc phục (sau ${duration}). Sở đã được thông báo.`,
  incidentStillOpen:
    'Đã ghi nhận: sự cố vẫn đang được xử lý. Khi khắc phục xong, bấm "✅ Đã khắc phục" hoặc gõ "đã khắc phục".',
  incidentAlreadyClosed: (at: string) =>
    `Sự cố này đã được ghi nhận khắc phục lúc ${at}, không cần trả lời nữa.`,
  noOpenIncident:
    'Đơn vị hiện không có sự cố nào đang mở. Có sự cố mới thì gõ "sự cố: <mô tả>"; báo tình hình hôm nay thì gõ "bình thường" hoặc /baocao.',
  whichIncidentFixed: (n: number) =>
    `Đơn vị đang có ${n} sự cố chưa khắc phục. Bấm "✅ Đã khắc phục" dưới sự cố đã xong:`,
  btnFixedShort: '✅ Đã khắc phục',
  btnNotFixedShort: '⏳ Chưa, đang xử lý',
  alert: (p: {
    enterprise: string;
    kind: string;
    area?: string;
    affected?: string;
    ongoing: boolean;
    note?: string | null;
    at: string;
    amended: boolean;
  }) =>
    [
      `🚨 ${p.amended ? 'Cập nhật: ' : ''}${p.enterprise} báo cáo sự cố`,
      `Loại: ${p.kind}`,
      p.area ? `Khu vực: ${p.area}` : '',
      p.affected ? `Quy mô: ${p.affected}` : '',
      `Trạng thái: ${p.ongoing ? 'đang xử lý' : 'đã khắc phục'}`,
      p.note ? `Mô tả: ${p.note}` : '',
      `Lúc ${p.at}`,
    ]
      .filter(Boolean)
      .join('\n'),
  btnHistory: '📁 Lịch sử doanh nghiệp',
  alertResolved: (p: {
    enterprise: string;
    kind: string;
    area?: string;
    openedAt: string;
    resolvedAt: string;
    duration: string;
  }) =>
    [
      `✅ Đã khắc phục: ${p.enterprise} — ${p.kind}${p.area ? `, ${p.area}` : ''}`,
      `Báo lúc ${p.openedAt}, khắc phục lúc ${p.resolvedAt} (sau ${p.duration}).`,
    ].join('\n'),
  alertProgress: (p: {
    enterprise: string;
    kind: string;
    area?: string;
    openedAt: string;
    at: string;
    note: string;
  }) =>
    [
      `🔄 ${p.enterprise} — ${p.kind}${p.area ? `, ${p.area}` : ''} (báo lúc ${p.openedAt})`,
      `Cập nhật lúc ${p.at}: ${p.note}`,
      'Sự cố vẫn đang xử lý.',
    ].join('\n'),
  progressNoted: (title: string) =>
    `Đã ghi nhận diễn biến của sự cố ${title} và báo Sở. Sự cố vẫn đang mở; khắc phục xong thì gõ "đã khắc phục".`,
  followUp: (title: string) => `Sự cố ${title} đã khắc phục chưa?`,
  btnFixed: '✅ Đã khắc phục',
  btnNotFixed: '⏳ Chưa, đang xử lý',
  incidentTitle: (what: string, openedAt: string) => `${what} (báo lúc ${openedAt})`,
  affectedBy: (scale: string) => `ảnh hưởng ${scale}`,
  incidentFixedAt: (at: string, after: string) => `✅ đã khắc phục lúc ${at} (sau ${after})`,
  incidentOngoingSince: (since: string, forHowLong: string) => `⏳ đang xử lý từ ${since} (${forHowLong})`,
  /** An officer's answer "not yet" in the incident's history. */
  incidentUpdateOngoing: 'Đang xử lý',
  alertMerged: (p: { enterprise: string; code: string; count: number; minutes: number; since: string }) =>
    [
      `🔄 Cập nhật: ${p.enterprise} gửi thêm ${p.count} báo cáo sự cố trong ${p.minutes} phút sau cảnh báo lúc ${p.since}.`,
      `Xem từng sự cố: /status ${p.code}`,
    ].join('\n'),
  /** The steps of an incident's history, in the exports and on the web board. */
  incidentUpdateKinds: {
    opened: 'Báo sự cố',
    update: 'Cập nhật',
    resolved: 'Đã khắc phục',
    reopened: 'Mở lại',
  },
  /** How long something took (features/duration.ts): "1 ngày 2 giờ", "3 giờ 20 phút". */
  durationUnderMinute: 'dưới 1 phút',
  durationDays: (n: number) => `${n} ngày`,
  durationHours: (n: number) => `${n} giờ`,
  durationMinutes: (n: number) => `${n} phút`,
};
