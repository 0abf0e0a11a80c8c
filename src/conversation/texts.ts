/** Every user-facing text of the bot, in Vietnamese. */

export const t = {
  welcome: (name: string) =>
    [
      `Xin chào ${name}! Đây là kênh liên lạc dịp Tết của Sở với các doanh nghiệp bưu chính, viễn thông.`,
      '',
      'Bot giúp cán bộ trực của các doanh nghiệp bưu chính, viễn thông gửi báo cáo tình hình hằng ngày, và giúp cán bộ Sở theo dõi đơn vị nào đã, chưa báo cáo.',
      '',
      'Để bắt đầu, hãy đăng ký bằng mã mời mà Sở đã gửi cho đơn vị của bạn:',
      '/dangky <mã mời>',
      '',
      'Bạn cũng có thể hỏi ngay về công văn, ví dụ: "Hạn nộp báo cáo khi nào?"',
    ].join('\n'),
  registeredOfficer: (name: string, enterprise: string) =>
    `✅ Đăng ký thành công! ${name} là cán bộ trực của ${enterprise}.\n\nGửi báo cáo hằng ngày bằng /baocao (hoặc nhanh: /baocao ok). Gõ /help để xem các lệnh.`,
  registeredStaff: (name: string) =>
    `✅ Đăng ký thành công! ${name} là cán bộ của Sở.\n\nXem tình hình báo cáo bằng /status. Gõ /help để xem các lệnh.`,
  registeredAdmin: (name: string) =>
    `✅ Đăng ký thành công! ${name} có quyền quản trị.\n\nGõ /help để xem các lệnh.`,
  alreadyRegistered: (who: string) => `Bạn đã đăng ký rồi (${who}). Gõ /help để xem các lệnh.`,
  roleChanged: (who: string) => `✅ Đã cập nhật đăng ký của bạn: ${who}.`,
  codeMissing: 'Vui lòng gửi kèm mã mời, ví dụ: /dangky 7KQ2-M9XA-4TPB-W3HD',
  codeUnknown: '❌ Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự hoặc liên hệ Sở để được cấp mã mới.',
  codeExpired: '❌ Mã mời đã hết hạn. Vui lòng liên hệ Sở để được cấp mã mới.',
  codeUsedUp: '❌ Mã mời đã được dùng hết số lượt cho phép. Vui lòng liên hệ Sở để được cấp mã mới.',
  codeWrongKind: '❌ Đây là mã liên kết tài khoản, không phải mã mời. Hãy gửi: /lienket <mã>',
  codeBlocked: (until: string) =>
    `Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau ${until} hoặc liên hệ Sở để được hỗ trợ.`,
  describeOfficer: (enterprise: string) => `cán bộ trực của ${enterprise}`,
  describeStaff: 'cán bộ Sở',
  describeAdmin: 'quản trị viên',

  privateOnly: 'Bot chỉ làm việc trong tin nhắn riêng. Vui lòng nhắn riêng cho bot.',
  notRegistered: 'Bạn chưa đăng ký. Hãy gửi /dangky <mã mời> với mã mà Sở đã cấp cho đơn vị của bạn.',
  officersOnly: 'Chức năng này dành cho cán bộ trực của doanh nghiệp.',
  staffOnly: 'Xin lỗi, chức năng này chỉ dành cho cán bộ Sở.',
  adminOnly: 'Xin lỗi, chức năng này chỉ dành cho quản trị viên.',

  reportAsk: (enterprise: string, day: string) =>
    `Báo cáo ngày ${day} của ${enterprise}. Tình hình hiện nay thế nào?`,
  reportAskAmend: (enterprise: string, day: string, at: string) =>
    `Ngày ${day}, ${enterprise} đã báo cáo lúc ${at}. Báo cáo mới sẽ là bản sửa đổi (bản cũ vẫn được lưu). Tình hình hiện nay thế nào?`,
  btnNormal: '✅ Bình thường',
  btnIncident: '⚠️ Có sự cố',
  btnCancel: 'Hủy',
  btnSkip: 'Bỏ qua',
  btnBack: '⬅️ Quay lại',
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
  askNote: 'Mô tả ngắn về sự cố (nguyên nhân, biện pháp xử lý). Gõ nội dung hoặc bấm "Bỏ qua".',
  cancelled: 'Đã hủy. Chưa có gì được ghi nhận.',
  alreadyRecorded: (at: string, ref: string) =>
    `Báo cáo hôm nay đã được ghi nhận lúc ${at} (${ref}). Muốn sửa, gõ /baocao.`,
  nothingToCancel: 'Không có thao tác nào đang dở.',
  expiredAction:
    'Thao tác này không hợp lệ hoặc đã hết hạn. Gõ /baocao để báo cáo lại, hoặc /help để xem các lệnh.',
  dialogReminder: (question: string) => `Bạn đang báo cáo dở. ${question}\n(Gõ /huy để hủy.)`,
  tooLong: (max: number) => `Nội dung quá dài (tối đa ${max} ký tự). Vui lòng rút gọn.`,
  affectedInvalid: 'Vui lòng chọn một khoảng hoặc gõ số kèm đơn vị (ví dụ: 12 trạm).',
  openIncidentAsk: (title: string) => `Sự cố ${title} đã khắc phục chưa?`,
  incidentFixedReply: (title: string, duration: string) =>
    `✅ Đã ghi nhận: sự cố ${title} đã được khắc phục (sau ${duration}). Sở đã được thông báo.`,
  incidentStillOpen:
    'Đã ghi nhận: sự cố vẫn đang được xử lý. Khi khắc phục xong, bấm "✅ Đã khắc phục" hoặc gõ "đã khắc phục".',
  incidentAlreadyClosed: (at: string) =>
    `Sự cố này đã được ghi nhận khắc phục lúc ${at}, không cần trả lời nữa.`,
  whichIncident: 'Bạn đang có nhiều sự cố chưa khắc phục. Chọn sự cố đã khắc phục:',
  noOpenIncident: 'Đơn vị của bạn không có sự cố nào đang mở. Muốn báo cáo, gõ "bình thường" hoặc /baocao.',
  confirmNormal: (enterprise: string, day: string) =>
    `Bạn muốn báo cáo ngày ${day} của ${enterprise}: mạng lưới, hoạt động bình thường?`,
  btnConfirmNormal: '✅ Đúng, bình thường',
  btnNo: 'Không',
  btnFixedShort: '✅ Đã khắc phục',
  btnNotFixedShort: '⏳ Chưa, đang xử lý',
  confirmIncident: (enterprise: string, summary: string) =>
    `Báo cáo sự cố của ${enterprise}:\n${summary}\nGửi báo cáo này cho Sở?`,
  btnSendIncident: '⚠️ Gửi báo cáo sự cố',
  btnIncidentForm: '📝 Báo từng bước',
  btnJustAsking: 'Không, tôi đang hỏi',
  confirmDeclined: 'Vâng, chưa ghi nhận gì. Bạn có thể gõ câu hỏi về công văn, hoặc /baocao để báo cáo.',
  greetOfficer: (name: string) =>
    `Xin chào ${name}! Gõ "bình thường" để báo cáo nhanh, "sự cố: <mô tả>" khi có sự cố, hoặc /baocao để chọn từng bước.`,
  greetStaff: (name: string) => `Xin chào ${name}! Gõ /status để xem tình hình báo cáo hôm nay.`,
  greetStranger: (name: string) =>
    `Xin chào ${name}! Để đăng ký, hãy gửi mã mời mà Sở đã cấp (ví dụ: dangky 7KQ2-M9XA-4TPB-W3HD). Bạn cũng có thể hỏi về công văn.`,
  thanks: 'Dạ, cảm ơn bạn! Chúc bạn một ca trực an toàn.',
  ack: 'Vâng ạ.',
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
  lateNote: (deadline: string) => `Lưu ý: báo cáo được ghi nhận sau hạn ${deadline} của ngày.`,
  onTimeNote: (deadline: string) => `Hạn báo cáo hằng ngày: ${deadline}.`,
  outsideCampaignNote: (name: string) =>
    `Ngày này nằm ngoài thời gian của đợt "${name}", báo cáo vẫn được lưu.`,

  statusTitle: (day: string, at: string) => `📊 Tình hình báo cáo ngày ${day} (tính đến ${at})`,
  statusCounts: (done: number, total: number) => `Đã báo cáo: ${done}/${total}`,
  statusDeadline: (deadline: string) => `Hạn báo cáo: ${deadline}`,
  statusIncidents: (n: number) => `⚠️ Có sự cố (${n}):`,
  statusMissing: (n: number) => `⏳ Chưa báo cáo (${n}):`,
  statusMore: (n: number) => `… và ${n} doanh nghiệp khác (danh sách đầy đủ: /export)`,
  statusAllReported: '✅ Tất cả doanh nghiệp đã báo cáo.',
  statusUnreachable: (n: number) => `📵 Không liên lạc được qua Zalo/Telegram (${n}) — nên gọi điện:`,
  statusNoEnterprises:
    'Chưa có doanh nghiệp nào trong danh sách. Dùng lệnh quản trị để nhập danh sách doanh nghiệp.',
  statusBadArg:
    'Không hiểu yêu cầu. Dùng: /status (hôm nay), /status 10/02 (một ngày), hoặc /status <mã hoặc tên doanh nghiệp>.',
  statusHistoryTitle: (name: string, code: string) => `📁 Lịch sử báo cáo của ${name} (${code}):`,
  statusHistoryEmpty: (name: string) => `${name} chưa có báo cáo nào.`,
  statusAmended: (n: number) => `sửa đổi ${n} lần`,
  statusIncidentHistory: 'Sự cố (mới nhất trước):',

  helpUnregistered:
    'Các lệnh:\n/dangky <mã mời> — đăng ký làm cán bộ trực của doanh nghiệp hoặc cán bộ Sở\n/vanban — xem tóm tắt công văn\n/help — trợ giúp\n\nBạn có thể gõ câu hỏi về công văn, ví dụ: "Hạn nộp báo cáo khi nào?"',
  helpOfficer: (enterprise: string) =>
    `Bạn là cán bộ trực của ${enterprise}. Các lệnh:\n/baocao — gửi báo cáo tình hình hôm nay\n/baocao ok — báo cáo nhanh: bình thường\n/baocao sự cố: <mô tả> — báo cáo nhanh có sự cố\n/tamdung — tạm dừng nhắc nhở hôm nay\n/lienket — liên kết tài khoản Telegram và Zalo\n/vanban — xem tóm tắt công văn\n/huy — hủy thao tác đang dở\n\nGõ câu hỏi bất kỳ về công văn để được trả lời.`,
  helpStaff:
    'Bạn là cán bộ Sở. Các lệnh:\n/status — tình hình báo cáo hôm nay\n/status 10/02 — tình hình một ngày\n/status <mã DN> — lịch sử một doanh nghiệp\n/export — xuất Excel (/export csv để xuất CSV)\n/tonghop — dự thảo báo cáo tổng hợp\n/cauhoi — các câu hỏi bot chưa trả lời được\n/lienket — liên kết tài khoản Telegram và Zalo\n/vanban — xem tóm tắt công văn\n/web — mở bảng theo dõi trên máy tính (đường dẫn dùng một lần)',
  helpAdminExtra: '\n/thongbao <nội dung> — gửi thông báo tới mọi cán bộ trực',

  qaComing: 'Chức năng hỏi đáp về công văn đang được hoàn thiện. Vui lòng gõ /help để xem các lệnh.',
  internalError: 'Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.',
  emptyMessage: 'Bot chỉ hiểu tin nhắn văn bản. Gõ /help để xem các lệnh.',
  unknownCommand: (cmd: string) => `Không có lệnh /${cmd}. Gõ /help để xem các lệnh.`,

  zaloWelcome: [
    'Cảm ơn bạn đã quan tâm Official Account của Sở — kênh liên lạc dịp Tết với các doanh nghiệp bưu chính, viễn thông.',
    '',
    'Cán bộ trực của doanh nghiệp và cán bộ Sở đăng ký bằng cách gửi tin nhắn:',
    'dangky <mã mời>',
    '(mã mời do Sở cấp). Gõ help để xem các lệnh.',
  ].join('\n'),
  zaloWelcomeBack: (who: string) =>
    `Chào mừng bạn quay lại! Bạn đã đăng ký (${who}). Gõ help để xem các lệnh.`,
  linkCode: (code: string, other: string) =>
    [
      `Mã liên kết của bạn: ${code}`,
      `(dùng một lần, hết hạn sau 15 phút). Trên ${other}, gửi tin nhắn:`,
      `lienket ${code}`,
      'Sau đó bạn có thể báo cáo và nhận thông báo trên cả hai kênh.',
    ].join('\n'),
  linkNotRegistered:
    'Bạn chưa đăng ký trên kênh này. Nếu bạn đã đăng ký trên kênh khác (Telegram hoặc Zalo), hãy gửi /lienket ở kênh đó để lấy mã, rồi gửi: lienket <mã> tại đây. Nếu chưa, hãy gửi: dangky <mã mời>.',
  linkSameAccount:
    'Mã này được tạo từ chính tài khoản này. Hãy gửi lienket <mã> từ tài khoản ở kênh còn lại.',
  linkWrongKind: '❌ Đây là mã mời, không phải mã liên kết. Để đăng ký, hãy gửi: dangky <mã mời>',
  linkUnknown:
    '❌ Mã liên kết không đúng. Vui lòng kiểm tra lại, hoặc gửi /lienket ở kênh kia để lấy mã mới.',
  linkExpired: '❌ Mã liên kết đã hết hạn. Hãy gửi /lienket ở kênh kia để lấy mã mới.',
  linkUsedUp: '❌ Mã liên kết đã được dùng. Hãy gửi /lienket ở kênh kia để lấy mã mới.',
  linkGone: '❌ Không tìm thấy tài khoản tạo mã này. Vui lòng liên hệ Sở để được hỗ trợ.',
  linkDone: (name: string, who: string) =>
    `✅ Đã liên kết. Tài khoản này giờ thuộc về ${name} (${who}); báo cáo từ Telegram hay Zalo đều được tính chung.`,
};

/**
 * Each command's line in the channels' menus and its lines in /help (usage — what it does), by command name
 * (the registry in conversation/commands.ts). A line shows to the roles the command serves, or to `roles`.
 */
export const COMMAND_TEXTS: Record<
  string,
  {
    menu?: string;
    help?: { usage: string; text: string; roles?: readonly ('guest' | 'officer' | 'staff')[] }[];
  }
> = {
  register: {
    menu: 'Đăng ký bằng mã mời',
    help: [
      {
        usage: '/dangky <mã mời>',
        text: 'đăng ký làm cán bộ trực của doanh nghiệp hoặc cán bộ Sở',
        roles: ['guest'],
      },
    ],
  },
  report: {
    menu: 'Gửi báo cáo tình hình hôm nay',
    help: [
      { usage: '/baocao', text: 'gửi báo cáo tình hình hôm nay' },
      { usage: '/baocao ok', text: 'báo cáo nhanh: bình thường' },
      { usage: '/baocao sự cố: <mô tả>', text: 'báo cáo nhanh có sự cố' },
    ],
  },
  status: {
    menu: 'Tình hình báo cáo hôm nay',
    help: [
      { usage: '/status', text: 'tình hình báo cáo hôm nay' },
      { usage: '/status 10/02', text: 'tình hình một ngày' },
      { usage: '/status <mã DN>', text: 'lịch sử một doanh nghiệp' },
    ],
  },
  export: { menu: 'Xuất Excel', help: [{ usage: '/export', text: 'xuất Excel (/export csv để xuất CSV)' }] },
  summary: {
    menu: 'Dự thảo báo cáo tổng hợp',
    help: [{ usage: '/tonghop', text: 'dự thảo báo cáo tổng hợp' }],
  },
  questions: {
    menu: 'Câu hỏi bot chưa trả lời được',
    help: [{ usage: '/cauhoi', text: 'các câu hỏi bot chưa trả lời được' }],
  },
  pause: {
    menu: 'Tạm dừng nhắc nhở hôm nay',
    help: [{ usage: '/tamdung', text: 'tạm dừng nhắc nhở hôm nay' }],
  },
  link: {
    menu: 'Liên kết tài khoản Telegram và Zalo',
    help: [{ usage: '/lienket', text: 'liên kết tài khoản Telegram và Zalo', roles: ['officer', 'staff'] }],
  },
  directive: { menu: 'Xem tóm tắt công văn', help: [{ usage: '/vanban', text: 'xem tóm tắt công văn' }] },
  cancel: {
    menu: 'Hủy thao tác đang dở',
    help: [{ usage: '/huy', text: 'hủy thao tác đang dở', roles: ['officer'] }],
  },
  web: {
    menu: 'Bảng theo dõi trên máy tính',
    help: [{ usage: '/web', text: 'mở bảng theo dõi trên máy tính (đường dẫn dùng một lần)' }],
  },
  broadcast: {
    menu: 'Gửi thông báo tới mọi cán bộ trực',
    help: [{ usage: '/thongbao <nội dung>', text: 'gửi thông báo tới mọi cán bộ trực' }],
  },
  help: { menu: 'Trợ giúp', help: [{ usage: '/help', text: 'trợ giúp' }] },
};

export const helpTexts = {
  head: {
    guest: 'Các lệnh:',
    officer: (enterprise: string) => `Bạn là cán bộ trực của ${enterprise}. Các lệnh:`,
    staff: 'Bạn là cán bộ Sở. Các lệnh:',
  },
  foot: {
    guest: '\n\nBạn có thể gõ câu hỏi về công văn, ví dụ: "Hạn nộp báo cáo khi nào?"',
    officer: '\n\nGõ câu hỏi bất kỳ về công văn để được trả lời.',
    staff: '',
  },
};

/** Descriptions in the channels' command menus. */
export const COMMAND_MENU = {
  baocao: 'Gửi báo cáo tình hình hôm nay',
  dangky: 'Đăng ký bằng mã mời',
  vanban: 'Xem tóm tắt công văn',
  tamdung: 'Tạm dừng nhắc nhở hôm nay',
  lienket: 'Liên kết tài khoản Telegram và Zalo',
  huy: 'Hủy thao tác đang dở',
  help: 'Trợ giúp',
  status: 'Tình hình báo cáo hôm nay',
  export: 'Xuất Excel',
  tonghop: 'Dự thảo báo cáo tổng hợp',
  cauhoi: 'Câu hỏi bot chưa trả lời được',
} as const;

export const REF_PREFIX = 'BC';
export function reportRef(id: number): string {
  return `${REF_PREFIX}${String(id).padStart(6, '0')}`;
}

/** Texts of the clock-driven jobs and alerts (issue: reminders, alerts, digests). */
export const tj = {
  reminder: (p: { name: string; enterprise: string; day: string; deadline: string; minutesLeft: number }) =>
    `⏰ Nhắc báo cáo: ${p.enterprise} chưa gửi báo cáo ngày ${p.day}. Hạn báo cáo là ${p.deadline} (còn khoảng ${humanMinutes(p.minutesLeft)}).\n\nGửi ngay: /baocao ok nếu mọi việc bình thường, hoặc /baocao để báo sự cố. Không muốn nhận nhắc hôm nay: /tamdung`,
  finalReminder: (p: { deadline: string; label: string; email: string }) =>
    `📌 Nhắc hạn báo cáo kết quả: các doanh nghiệp gửi báo cáo kết quả về Sở trước ${p.deadline} (${p.label})${p.email ? `, bản điện tử gửi tới ${p.email}` : ''}.`,
  btnReportOk: '✅ Bình thường',
  btnReport: '📝 Báo cáo',
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
  followUp: (title: string) => `Sự cố ${title} đã khắc phục chưa?`,
  btnFixed: '✅ Đã khắc phục',
  btnNotFixed: '⏳ Chưa, đang xử lý',
  digestFooter: (reminders: number) => (reminders > 0 ? `\nĐã gửi nhắc nhở ${reminders} lượt hôm nay.` : ''),
  paused: (day: string) => `Đã tạm dừng nhắc nhở ngày ${day}. Ngày mai nhắc nhở sẽ tự bật lại.`,
  broadcast: (text: string) => `📢 Thông báo của Sở:\n\n${text}`,
  broadcastUsage: 'Cách dùng: /thongbao <nội dung thông báo>',
  broadcastQueued: (people: number, messages: number, unreachable: string[]) =>
    [
      `Đã xếp hàng gửi thông báo tới ${people} cán bộ trực (${messages} tin).`,
      unreachable.length
        ? `Không liên lạc được (${unreachable.length}) — nên gọi điện:\n${unreachable.map((u) => `• ${u}`).join('\n')}`
        : 'Tất cả đều liên lạc được.',
    ].join('\n'),
};

function humanMinutes(m: number): string {
  if (m >= 60) {
    const h = Math.floor(m / 60);
    const r = m % 60;
    return r ? `${h} giờ ${r} phút` : `${h} giờ`;
  }
  return `${m} phút`;
}
