/** /web: the one-time sign-in link to the web board. */
export const webTexts = {
  webLink: (url: string, until: string, minutes: number) =>
    `🖥️ Bảng theo dõi báo cáo trên web:\n${url}\n\nĐường dẫn chỉ dùng được một lần, hết hạn lúc ${until} ` +
    `(${minutes} phút). Phiên đăng nhập kéo dài 8 giờ. Không chuyển tiếp tin nhắn này cho người khác.\n` +
    'Gõ /web dangxuat để đăng xuất khỏi mọi trình duyệt.',
  webLoggedOut: (n: number) =>
    n > 0
      ? `Đã đăng xuất bảng theo dõi trên ${n} trình duyệt.`
      : 'Bạn không có phiên đăng nhập bảng theo dõi nào đang mở.',
  webUsage:
    'Cách dùng: /web — nhận đường dẫn đăng nhập bảng theo dõi; /web dangxuat — đăng xuất khỏi mọi trình duyệt.',
  webNotConfigured: 'Bảng theo dõi trên web chưa được bật trên máy chủ này.',
};
