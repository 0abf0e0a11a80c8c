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
      { usage: 'đã khắc phục', text: 'báo sự cố đang mở đã được khắc phục' },
      { usage: 'đã khôi phục 8/12 trạm', text: 'cập nhật diễn biến sự cố đang mở (chưa khắc phục xong)' },
      { usage: 'em báo cáo rồi chưa?', text: 'xem Sở đã nhận báo cáo hôm nay của đơn vị chưa' },
    ],
  },
  status: {
    menu: 'Tình hình báo cáo hôm nay',
    help: [
      { usage: '/status', text: 'tình hình báo cáo hôm nay' },
      { usage: '/status 10/02', text: 'tình hình một ngày' },
      { usage: '/status <mã DN>', text: 'lịch sử một doanh nghiệp (hoặc gõ "viettel báo cáo chưa?")' },
    ],
  },
  export: {
    menu: 'Xuất Excel',
    help: [
      { usage: '/export', text: 'xuất Excel (cả đợt; /export 08/02 14/02 cho một khoảng ngày)' },
      {
        usage: '/export csv',
        text: 'xuất CSV: các lượt báo cáo, và từng doanh nghiệp theo ngày (kể cả chưa báo cáo)',
      },
    ],
  },
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
