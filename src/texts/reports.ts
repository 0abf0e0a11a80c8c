/**
 * The daily report: the dialog, the incident form and its choices, confirmations of reports read from own words, the
 * receipt.
 */
export const reportsTexts = {
  reportAsk: (enterprise: string, day: string) =>
    `Báo cáo ngày ${day} của ${enterprise}. Tình hình hiện nay thế nào?`,
  reportAskAmend: (enterprise: string, day: string, at: string) =>
    `Ngày ${day}, ${enterprise} đã báo cáo lúc ${at}. Báo cáo mới sẽ là bản sửa đổi (bản cũ vẫn được lưu). Tình hình hiện nay thế nào?`,
  btnNormal: '✅ Bình thường',
  btnIncident: '⚠️ Có sự cố',
  btnOngoing: 'Đang xử lý',
  btnResolved: 'Đã khắc phục',
  askKind: 'Loại sự cố là gì?',
  askArea: 'Phạm vi ảnh hưởng? Chọn bên dưới hoặc gõ tên xã, phường.',
  askAreaName: 'Xã, phường nào? Gõ tên (có dấu hay không dấu đều được).',
  askPointName: 'Điểm, trạm ở đâu? Gõ tên trạm hoặc xã, phường.',
  askAreaPick: (typed: string) => `Chọn xã, phường đúng với "${typed}":`,
  btnAreaAsTyped: (typed: string) => `Giữ nguyên: ${typed.length > 30 ? `${typed.slice(0, 29)}…` : typed}`,
  askAffected:
    'Quy mô ảnh hưởng? Gõ số kèm đơn vị (ví dụ: 12 trạm, 3.000 thuê bao, 200 bưu gửi) hoặc chọn một khoảng.',
  askOngoing: 'Sự cố đã được khắc phục chưa?',
  pickOngoing:
    'Chưa rõ ý bạn: sự cố đang xử lý hay đã khắc phục? Bấm một nút bên dưới, hoặc gõ "đang xử lý" / "đã khắc phục".',
  askNote: 'Mô tả ngắn về sự cố (nguyên nhân, biện pháp xử lý). Gõ nội dung hoặc bấm "Bỏ qua".',
  alreadyRecorded: (at: string, ref: string) =>
    `Báo cáo hôm nay đã được ghi nhận lúc ${at} (${ref}). Muốn sửa, gõ /baocao.`,
  affectedInvalid: 'Vui lòng chọn một khoảng hoặc gõ số kèm đơn vị (ví dụ: 12 trạm).',
  confirmNormal: (enterprise: string, day: string) =>
    `Bạn muốn báo cáo ngày ${day} của ${enterprise}: mạng lưới, hoạt động bình thường?`,
  btnConfirmNormal: '✅ Đúng, bình thường',
  confirmIncident: (enterprise: string, summary: string) =>
    `Báo cáo sự cố của ${enterprise}:\n${summary}\nGửi báo cáo này cho Sở?`,
  btnSendIncident: '⚠️ Gửi báo cáo sự cố',
  btnIncidentForm: '📝 Báo từng bước',
  btnJustAsking: 'Không, tôi đang hỏi',
  confirmDeclined: 'Vâng, chưa ghi nhận gì. Bạn có thể gõ câu hỏi về công văn, hoặc /baocao để báo cáo.',
  /** An officer asking whether today's report got through. */
  checkReported: (p: {
    enterprise: string;
    day: string;
    at: string;
    summary: string;
    ref: string;
    count: number;
  }) =>
    [
      `✅ Sở đã nhận báo cáo ngày ${p.day} của ${p.enterprise}: lúc ${p.at}, ${p.summary} (${p.ref}).`,
      p.count > 1 ? `Hôm nay đơn vị đã gửi ${p.count} báo cáo; báo cáo mới nhất là bản được tính.` : '',
      'Có thay đổi thì gõ "bình thường" hoặc "sự cố: <mô tả>".',
    ]
      .filter(Boolean)
      .join('\n'),
  checkNotReported: (enterprise: string, day: string) =>
    `Chưa có báo cáo ngày ${day} của ${enterprise}. Bấm một nút bên dưới để báo cáo ngay, hoặc gõ "bình thường" / "sự cố: <mô tả>".`,
  ackReported: (at: string) => `Vâng ạ. Báo cáo hôm nay của đơn vị đã được ghi nhận lúc ${at}.`,
  describedIncident: (p: { kind: string; area?: string | null; scale?: string | null; resolved: boolean }) =>
    [
      `• Loại: ${p.kind}`,
      p.area ? `• Khu vực: ${p.area}` : '',
      p.scale ? `• Quy mô: ${p.scale}` : '',
      `• Tình trạng: ${p.resolved ? 'đã khắc phục' : 'đang xử lý'}`,
    ]
      .filter(Boolean)
      .join('\n'),
  oneLineUsage:
    'Cách báo cáo nhanh:\n• /baocao ok — mạng lưới, hoạt động bình thường\n• /baocao sự cố: <mô tả> — có sự cố\nHoặc gõ /baocao để chọn từng bước.',
  receipt: (p: {
    enterprise: string;
    day: string;
    summary: string;
    ref: string;
    at: string;
    revision: number;
    previousRef?: string;
    deadlineNote?: string;
  }) =>
    [
      `✅ Đã ghi nhận báo cáo ngày ${p.day} của ${p.enterprise}.`,
      `Tình hình: ${p.summary}`,
      `Số tham chiếu: ${p.ref} · lúc ${p.at} (giờ Việt Nam)`,
      p.revision > 1
        ? `Đây là báo cáo lần ${p.revision} trong ngày (trước đó: ${p.previousRef}); các báo cáo và sự cố trước vẫn được lưu.`
        : '',
      p.deadlineNote ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
  summaryNormal: 'Bình thường',
  summaryIncident: (kind: string, ongoing: boolean) =>
    `Có sự cố — ${kind} (${ongoing ? 'đang xử lý' : 'đã khắc phục'})`,
  /** "17:00 ngày 10/02/2024". */
  deadlineLabel: (time: string, day: string) => `${time} ngày ${day}`,
  lateNote: (deadline: string) => `Lưu ý: báo cáo được ghi nhận sau hạn ${deadline} của ngày.`,
  onTimeNote: (deadline: string) => `Hạn báo cáo hằng ngày: ${deadline}.`,
  outsideCampaignNote: (name: string) =>
    `Ngày này nằm ngoài thời gian của đợt "${name}", báo cáo vẫn được lưu.`,
  /** The kinds of incident, by sector (features/incident-kinds.ts). */
  kindLostSignal: 'Mất liên lạc / mất sóng',
  kindCongestion: 'Nghẽn mạng',
  kindCyberattack: 'Tấn công mạng',
  kindPostalBacklog: 'Dồn ứ bưu gửi',
  kindGoodsLost: 'Mất mát hàng hóa',
  kindBannedItems: 'Vật phẩm cấm',
  kindComplaint: 'Khiếu nại',
  kindOther: 'Sự cố khác',
  /** The incident form's choices of area and of scale. */
  areaWholeProvince: 'Toàn tỉnh',
  areaManyCommunes: 'Nhiều xã, phường',
  areaOneCommune: 'Một xã, phường',
  areaOnePoint: 'Một điểm, trạm',
  affectedUpTo10: '1–10',
  affectedUpTo100: '11–100',
  affectedUpTo1000: '101–1.000',
  affectedOver1000: 'Trên 1.000',
};

/** The reference an officer can quote on the phone: BC000123. */
export const REF_PREFIX = 'BC';
export function reportRef(id: number): string {
  return `${REF_PREFIX}${String(id).padStart(6, '0')}`;
}
