/** The clock-driven jobs (reminders, the final reminder of the result report), /tamdung and /thongbao. */
export const jobsTexts = {
  reminder: (p: { name: string; enterprise: string; day: string; deadline: string; minutesLeft: number }) =>
    `⏰ Nhắc báo cáo: ${p.enterprise} chưa gửi báo cáo ngày ${p.day}. Hạn báo cáo là ${p.deadline} (còn khoảng ${humanMinutes(p.minutesLeft)}).\n\nGửi ngay: /baocao ok nếu mọi việc bình thường, hoặc /baocao để báo sự cố. Không muốn nhận nhắc hôm nay: /tamdung`,
  finalReminder: (p: { deadline: string; label: string; email: string }) =>
    `📌 Nhắc hạn báo cáo kết quả: các doanh nghiệp gửi báo cáo kết quả về Sở trước ${p.deadline} (${p.label})${p.email ? `, bản điện tử gửi tới ${p.email}` : ''}.`,
  btnReportOk: '✅ Bình thường',
  btnReport: '📝 Báo cáo',
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
