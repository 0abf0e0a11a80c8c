/** What the channels themselves say: Zalo's numbered choices and files it cannot carry, the local console. */
export const channelsTexts = {
  numberedChoiceHint: 'Trả lời bằng số thứ tự để chọn.',
  choosePrompt: 'Chọn một mục:',
  zaloNoFiles: (name: string) =>
    `Tệp đính kèm "${name}" không gửi được qua Zalo. ` +
    'Bạn có thể nhận tệp qua Telegram, hoặc nhờ quản trị viên xuất tệp bằng công cụ quản trị (admin CLI).',
  zaloInstructions: (code: string) =>
    `Trên Zalo: quan tâm (follow) Official Account của Sở, rồi gửi tin nhắn: dangky ${code}`,
  /** A person whose name the channel did not give. */
  fallbackName: 'Cán bộ',
  consoleIntro: (inviteCode: string) =>
    [
      '',
      '=== Bot liên lạc dịp Tết — chế độ thử trên máy (console) ===',
      `Mã mời thử cho người dùng mới (cán bộ trực VNPT Bắc Giang): ${inviteCode}`,
      '',
    ].join('\n'),
  consoleHelp: [
    'Gõ tin nhắn như trên điện thoại (ví dụ /baocao, /status, hoặc một câu hỏi).',
    'Đổi vai: :canbo (cán bộ trực), :so (cán bộ Sở), :moi (người dùng mới). Thoát: :thoat',
    'Khi có lựa chọn, gõ số thứ tự của lựa chọn.',
  ].join('\n'),
  consoleNowYou: (name: string, label: string) => `Bây giờ bạn là ${name} — ${label}.`,
  consoleNotRecorded: (reason: string) => `(không ghi nhận được tin nhắn: ${reason})`,
  consoleTo: (chatId: string) => `── tin nhắn tới ${chatId} ──`,
  consoleFile: (filename: string) => `   [tệp đính kèm: ${filename}]`,
  personaOfficer: 'cán bộ trực (Viettel Bắc Giang)',
  personaStaff: 'cán bộ Sở',
  personaNew: 'người dùng mới (chưa đăng ký)',
};
