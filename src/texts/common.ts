/**
 * Texts every part of the conversation uses: refusals, errors, greetings, the buttons of every dialog; and the names
 * of the sectors, which the chat, the exports, the reports and the admin CLI share.
 */
export const commonTexts = {
  privateOnly: 'Bot chỉ làm việc trong tin nhắn riêng. Vui lòng nhắn riêng cho bot.',
  notRegistered: 'Bạn chưa đăng ký. Hãy gửi /dangky <mã mời> với mã mà Sở đã cấp cho đơn vị của bạn.',
  officersOnly: 'Chức năng này dành cho cán bộ trực của doanh nghiệp.',
  staffOnly: 'Xin lỗi, chức năng này chỉ dành cho cán bộ Sở.',
  adminOnly: 'Xin lỗi, chức năng này chỉ dành cho quản trị viên.',
  cancelled: 'Đã hủy. Chưa có gì được ghi nhận.',
  nothingToCancel: 'Không có thao tác nào đang dở.',
  expiredAction:
    'Thao tác này không hợp lệ hoặc đã hết hạn. Gõ /baocao để báo cáo lại, hoặc /help để xem các lệnh.',
  /** A number typed when no choice waits (the question it answered has passed, or there was none). */
  noChoiceWaiting: (n: string) =>
    `Hiện không có lựa chọn số ${n} nào đang chờ. Gõ /baocao để báo cáo, /help để xem các lệnh, hoặc gõ câu hỏi về công văn.`,
  tooLong: (max: number) => `Nội dung quá dài (tối đa ${max} ký tự). Vui lòng rút gọn.`,
  qaComing: 'Chức năng hỏi đáp về công văn đang được hoàn thiện. Vui lòng gõ /help để xem các lệnh.',
  internalError: 'Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.',
  emptyMessage:
    'Bot chỉ đọc được chữ, chưa xem được ảnh, tệp hay tin nhắn thoại. Vui lòng gõ nội dung, ví dụ "bình thường" hoặc "sự cố: mất sóng 3 trạm xã …". Gõ /help để xem các lệnh.',
  unknownCommand: (cmd: string) => `Không có lệnh /${cmd}. Gõ /help để xem các lệnh.`,
  greetOfficer: (name: string) =>
    `Xin chào ${name}! Gõ "bình thường" để báo cáo nhanh, "sự cố: <mô tả>" khi có sự cố, hoặc /baocao để chọn từng bước.`,
  /** How a greeting names a person whose name the channel did not give. */
  nameless: 'bạn',
  greetStaff: (name: string) => `Xin chào ${name}! Gõ /status để xem tình hình báo cáo hôm nay.`,
  greetStranger: (name: string) =>
    `Xin chào ${name}! Để đăng ký, hãy gửi mã mời mà Sở đã cấp (ví dụ: dangky 7KQ2-M9XA-4TPB-W3HD). Bạn cũng có thể hỏi về công văn.`,
  thanks: 'Dạ, cảm ơn bạn! Chúc bạn một ca trực an toàn.',
  ack: 'Vâng ạ.',
  btnCancel: 'Hủy',
  btnSkip: 'Bỏ qua',
  btnBack: '⬅️ Quay lại',
  btnNo: 'Không',
  /** An enterprise's sector, lower case: "Viettel Bắc Giang (viễn thông)". */
  sectorNames: { postal: 'bưu chính', telecom: 'viễn thông', both: 'bưu chính, viễn thông' },
};
