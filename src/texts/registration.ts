/** Registration with an invite code, the Zalo welcome, and linking a Telegram and a Zalo account. */
export const registrationTexts = {
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
  codeMissing:
    'Để đăng ký, hãy gửi mã mời mà Sở đã cấp, ví dụ: /dangky 7KQ2-M9XA-4TPB-W3HD. Chưa có mã mời thì liên hệ Sở để được cấp.',
  codeUnknown: '❌ Mã mời không đúng. Vui lòng kiểm tra lại từng ký tự hoặc liên hệ Sở để được cấp mã mới.',
  codeExpired: '❌ Mã mời đã hết hạn. Vui lòng liên hệ Sở để được cấp mã mới.',
  codeUsedUp: '❌ Mã mời đã được dùng hết số lượt cho phép. Vui lòng liên hệ Sở để được cấp mã mới.',
  codeWrongKind: '❌ Đây là mã liên kết tài khoản, không phải mã mời. Hãy gửi: /lienket <mã>',
  codeBlocked: (until: string) =>
    `Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau ${until} hoặc liên hệ Sở để được hỗ trợ.`,
  describeOfficer: (enterprise: string) => `cán bộ trực của ${enterprise}`,
  describeStaff: 'cán bộ Sở',
  describeAdmin: 'quản trị viên',
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
  /** Where a /lienket code is typed: the other channel. */
  otherChannel: { telegram: 'Zalo', zalo: 'Telegram', console: 'Telegram hoặc Zalo' },
};
