/** Campaigns: the names of Tết and of the letters a campaign follows, as stored with it and shown in the chat. */
export const campaignsTexts = {
  tetHoliday: 'Tết Nguyên đán',
  /** "Tết Nguyên đán Giáp Thìn 2024". */
  tetHolidayOf: (rest: string) => `Tết Nguyên đán ${rest}`,
  /** A campaign whose name does not say Tết: "Tết Nguyên đán (Đợt trực Xuân)". */
  tetHolidayAside: (name: string) => `Tết Nguyên đán (${name})`,
  /** "mùng 4 Tết". */
  lunarTetDay: (n: number | string) => `mùng ${n} Tết`,
  campaignTet2024: 'Tết Nguyên đán Giáp Thìn 2024',
  campaignDirective2024:
    'Công văn của Sở TT&TT Bắc Giang về đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn 2024',
  campaignDirectiveDefault: 'Công văn đảm bảo thông tin liên lạc dịp Tết Nguyên đán',
  campaignDirectiveOfLetter: (number: string | null, subject: string) =>
    `${number ? `Công văn số ${number} ` : ''}${subject}`,
};
