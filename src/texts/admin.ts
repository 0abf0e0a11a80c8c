/**
 * What administrators read: the problems of a CSV file and of an enterprise import (features/enterprises-import.ts,
 * csv.ts), why a file cannot be written there, and the admin CLI (scripts/admin*.ts): its help, its answers and its
 * errors, commander's own included.
 */
const HEADER_HINT = 'Tên doanh nghiệp; Lĩnh vực; Mã DN (hoặc name,sector,code; cột Mã có thể bỏ)';

export const adminTexts = {
  /** "dòng 3: thiếu tên doanh nghiệp". */
  lineProblem: (line: number, message: string) => `dòng ${line}: ${message}`,

  // --- CSV files ---
  csvAfterClosingQuote:
    'có ký tự ngay sau dấu ngoặc kép đóng (bọc cả ô trong ngoặc kép, ngoặc kép bên trong viết "")',
  csvStrayQuote:
    'có dấu ngoặc kép (") giữa ô không bọc trong ngoặc kép (bọc cả ô trong ngoặc kép, ngoặc kép bên trong viết "")',
  csvUnclosedQuote: (line: number) => `dấu ngoặc kép mở ở dòng ${line} không được đóng`,
  csvNotUtf8:
    'tệp không phải UTF-8 (có thể được lưu theo bảng mã Windows): trong Excel chọn Lưu thành → "CSV UTF-8", rồi nhập lại',

  // --- where a file is written ---
  outNoName: 'Thiếu tên tệp cần ghi.',
  outNoDir: (dir: string) => `Thư mục "${dir}" không tồn tại: tạo thư mục trước, hoặc chọn nơi khác.`,
  outNotDir: (dir: string) => `"${dir}" không phải là thư mục.`,
  outUnreadableDir: (dir: string) => `Không đọc được thư mục "${dir}".`,
  outSystemDir: (root: string) =>
    `Không ghi tệp vào ${root}: hãy chọn một thư mục bình thường, ví dụ thư mục hiện tại.`,
  outSystemTarget: (root: string) => `Không ghi tệp vào ${root}: hãy chọn một thư mục bình thường.`,
  outDanglingLink: (out: string) => `"${out}" là một liên kết tới nơi không tồn tại: hãy chọn tên tệp khác.`,
  outIsDir: (out: string, example: string) =>
    `"${out}" là một thư mục: hãy ghi cả tên tệp, ví dụ ${example}.`,
  outNotFile: (out: string) => `"${out}" không phải là một tệp thường.`,
  /** "bc.txt: tên tệp phải có đuôi .xlsx hoặc .csv." */
  fileNeedsExtension: (file: string, extensions: string[]) =>
    `${file}: tên tệp phải có đuôi ${extensions.join(' hoặc ')}.`,

  // --- the enterprise import ---
  importUnknownColumn: (label: string) => `dòng tiêu đề: không hiểu cột "${label}" (dùng: ${HEADER_HINT})`,
  importDuplicateColumn: (label: string, first: string) =>
    `dòng tiêu đề: cột "${label}" trùng với cột "${first}"`,
  importColumnName: 'Tên doanh nghiệp',
  importColumnSector: 'Lĩnh vực',
  importMissingColumns: (columns: string[]) =>
    `dòng tiêu đề thiếu cột ${columns.join(' và ')} (dùng: ${HEADER_HINT})`,
  importExtraColumns: (fields: number, columns: number) =>
    `thừa cột: dòng có ${fields} cột, dòng tiêu đề chỉ có ${columns}`,
  importNoName: 'thiếu tên doanh nghiệp',
  importNameTooLong: 'tên quá dài (tối đa 200 ký tự)',
  importNameControl: 'tên có ký tự xuống dòng hoặc ký tự điều khiển',
  importNoSector: 'thiếu lĩnh vực (bưu chính, viễn thông hoặc cả hai)',
  importBadSector: (value: string) =>
    `lĩnh vực không hợp lệ "${value}" (dùng: bưu chính, viễn thông hoặc cả hai)`,
  importBadCode: (value: string) => `mã "${value}" chỉ được gồm chữ không dấu, số, _ và - (tối đa 20 ký tự)`,
  importDuplicateCode: (code: string, line: number) => `mã "${code}" trùng với dòng ${line}`,
  importNoRows: 'tệp không có dòng dữ liệu nào',
  importCodeTaken: (code: string) => `mã "${code}" đã có trong hệ thống`,
  importDuplicateName: (name: string, line: number) => `tên "${name}" trùng với dòng ${line}`,
  importAmbiguousName: (count: number, codes: string) =>
    `có ${count} doanh nghiệp cùng tên này trong hệ thống (mã ${codes}): ghi mã để chọn đúng doanh nghiệp`,
  importSameEnterprise: (code: string, line: number) => `cùng một doanh nghiệp (mã ${code}) với dòng ${line}`,
  importRenameClash: (code: string, name: string, other: string) =>
    `mã ${code} đổi tên thành "${name}", trùng tên doanh nghiệp đã có (mã ${other})`,
  importDbFailed: (why: string) =>
    `Lỗi cơ sở dữ liệu khi nhập doanh nghiệp: ${why}. Không doanh nghiệp nào được nhập hay thay đổi.`,
  importDone: (created: number, updated: number, unchanged: number) =>
    `Đã nhập xong: ${created} doanh nghiệp mới, ${updated} cập nhật, ${unchanged} không đổi.`,
  importCreatedTitle: (n: number) => `Thêm mới (${n}):`,
  importUpdatedTitle: (n: number) => `Cập nhật (${n}):`,
  importUnchangedTitle: (n: number) => `Không đổi (${n}):`,
  importMore: (n: number) => `… và ${n} doanh nghiệp khác`,
  importFieldNames: { code: 'mã', name: 'tên', sector: 'lĩnh vực' },
  importRejected: (count: number, lines: string[]) =>
    `Không nhập dòng nào. Tệp có ${count} lỗi:\n${lines.join('\n')}`,

  // --- database failures, from the driver's error code only ---
  adminDbUnknown: 'lỗi cơ sở dữ liệu không rõ nguyên nhân',
  adminDbDuplicate: (constraint: string | undefined) =>
    `trùng dữ liệu đã có${constraint ? ` (${constraint})` : ''}; có thể một lần nhập khác vừa chạy cùng lúc, hãy thử lại`,
  adminDbTooLarge: (code: string) => `câu lệnh quá lớn (mã lỗi ${code})`,
  adminDbCancelled: 'câu lệnh bị hủy vì chạy quá lâu (mã lỗi 57014)',
  adminDbConflict: (code: string) => `xung đột với một thao tác khác, hãy thử lại (mã lỗi ${code})`,
  adminDbUnreachable: (code: string) => `không kết nối được tới cơ sở dữ liệu (${code})`,
  adminDbLoginRefused: (code: string) => `cơ sở dữ liệu từ chối đăng nhập (mã lỗi ${code})`,
  adminDbNoDatabase: 'không có cơ sở dữ liệu này (mã lỗi 3D000): kiểm tra DATABASE_URL',
  adminDbOther: (code: string) => `lỗi cơ sở dữ liệu (mã lỗi ${code})`,

  // --- the admin CLI: help and commander's errors ---
  cliDescription:
    'Quản trị bot liên lạc dịp Tết: nhập danh sách doanh nghiệp, tạo mã mời, quản lý đợt báo cáo và xuất báo cáo.\n' +
    'Lệnh nào cũng nhận --json để in kết quả dạng JSON.',
  /** Commander's section titles. */
  cliHelpTitles: {
    'Usage:': 'Cách dùng:',
    'Arguments:': 'Tham số:',
    'Options:': 'Tùy chọn:',
    'Global Options:': 'Tùy chọn chung:',
    'Commands:': 'Lệnh:',
  } as Record<string, string>,
  cliUsageOptions: '[tùy chọn]',
  cliUsageCommand: '[lệnh]',
  cliHelpDefault: 'mặc định:',
  cliHelpChoices: 'chọn một trong:',
  cliHelpPreset: 'khi không ghi giá trị:',
  cliHelpOption: 'Hiện hướng dẫn',
  cliHelpCommand: 'Hiện hướng dẫn của một lệnh',
  cliHelpAfterError: '(gõ --help để xem hướng dẫn)',
  cliJsonOption: 'in kết quả dạng JSON',
  /** "Lỗi: …": commander's errors and ours. */
  cliError: (what: string) => `Lỗi: ${what}`,
  cliErrUnknownCommand: (name: string) => `không có lệnh '${name}'`,
  cliErrUnknownOption: (name: string) => `không có tùy chọn '${name}'`,
  cliErrMissingArgument: (name: string) => `thiếu tham số '${name}'`,
  cliErrOptionNeedsValue: (name: string) => `tùy chọn '${name}' cần một giá trị`,
  cliErrRequiredOption: (name: string) => `cần có tùy chọn '${name}'`,
  cliErrTooManyArgumentsFor: (command: string, expected: string, got: string) =>
    `lệnh '${command}' nhận ${expected} tham số, nhưng được cho ${got}.`,
  cliErrTooManyArguments: (expected: string, got: string) =>
    `chỉ nhận ${expected} tham số, nhưng được cho ${got}.`,
  cliErrBadOptionValue: (option: string, value: string) =>
    `giá trị '${value}' của tùy chọn '${option}' không hợp lệ: `,
  cliErrBadArgumentValue: (value: string, argument: string) =>
    `giá trị '${value}' của tham số '${argument}' không hợp lệ: `,
  cliErrConflict: (a: string, b: string) => `không dùng ${a} cùng với ${b}`,
  cliErrDidYouMeanOneOf: (names: string) => `(Có phải ý bạn là một trong: ${names}?)`,
  cliErrDidYouMean: (name: string) => `(Có phải ý bạn là ${name}?)`,
  /** The names of arguments and option values in the help. */
  cliArgFile: '<tệp>',
  cliArgCsvFile: '<tệp.csv>',
  cliArgEnterprise: '[mã-hoặc-tên]',
  cliArgName: '<tên>',
  cliArgTet: '<năm hoặc ngày>',
  cliArgCampaign: '<số-đợt>',
  cliArgValue: '<giá trị>',

  // --- the admin CLI: common answers and errors ---
  cliDbOpenFailed: (why: string) => `Không mở được cơ sở dữ liệu: ${why}.`,
  cliPositiveInt: 'phải là số nguyên dương.',
  cliDateFormat: 'ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd.',
  cliDayArgFormat: (option: string) => `--${option}: ngày dạng dd/mm hoặc dd/mm/yyyy`,
  cliConfigError: (problems: string[]) =>
    `Cấu hình sai (biến môi trường hoặc tệp .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  cliFileError: (file: string | undefined, code: string) =>
    `Lỗi đọc/ghi tệp${file !== undefined ? ` "${file}"` : ''}: ${code}.`,
  cliFileNotFound: (file: string) => `Không tìm thấy tệp "${file}".`,
  cliFileIsDir: (file: string) => `"${file}" là một thư mục, không phải tệp CSV.`,
  cliFileNoAccess: (file: string) => `Không có quyền đọc tệp "${file}".`,
  cliFileUnreadable: (file: string, code: string | undefined) =>
    `Không đọc được tệp "${file}" (${code ?? 'lỗi'}).`,
  cliRoleStaff: 'cán bộ Sở',
  cliRoleAdmin: 'quản trị viên',
  cliFromOption: 'từ ngày',
  cliToOption: 'đến ngày',

  // --- enterprises ---
  cliEnterprises: 'Danh sách doanh nghiệp bưu chính, viễn thông',
  cliEnterprisesImport:
    'Nhập hoặc cập nhật doanh nghiệp từ tệp CSV. Doanh nghiệp đã có (cùng mã, hoặc cùng tên khi không ghi mã) được ' +
    'cập nhật chứ không tạo trùng; chỉ cần một dòng sai là không nhập dòng nào.',
  cliEnterprisesFileArg: 'tệp CSV (UTF-8), phân cách bằng dấu chấm phẩy hoặc dấu phẩy',
  cliEnterprisesImportHelp: [
    '',
    'Cột của tệp (dòng đầu là tiêu đề, viết có dấu hay không dấu, hoa hay thường đều được):',
    '  Tên doanh nghiệp (hoặc Tên, name)   bắt buộc',
    '  Lĩnh vực (hoặc sector)               bưu chính | viễn thông | cả hai (hoặc "bưu chính, viễn thông")',
    '  Mã DN (hoặc Mã, code)                không bắt buộc; bỏ trống thì mã được tạo từ tên',
    '',
    'Ví dụ (lưu từ Excel bằng "CSV UTF-8"):',
    '  Tên doanh nghiệp;Lĩnh vực;Mã DN',
    '  Viettel Bắc Giang;viễn thông;VIETTEL',
    '  Bưu điện tỉnh Bắc Giang;cả hai;VNPOST',
  ].join('\n'),
  cliEnterprisesList: 'Liệt kê doanh nghiệp: mã, tên, lĩnh vực',
  cliNoEnterprises: 'Chưa có doanh nghiệp nào. Nhập bằng: enterprises import <tệp.csv>',
  cliNoEnterprisesYet: 'Chưa có doanh nghiệp nào. Nhập trước bằng: enterprises import <tệp.csv>',
  cliEnterpriseNotFound: (target: string) =>
    `Không tìm thấy doanh nghiệp "${target}" (xem: enterprises list).`,

  // --- invites ---
  cliInvite: 'Tạo mã mời đăng ký (mã chỉ hiện một lần; hệ thống chỉ lưu bản băm)',
  cliInviteEnterprise:
    'Mã mời cho cán bộ trực của một doanh nghiệp, hoặc với --all: mỗi doanh nghiệp một mã mới, ghi vào tệp CSV để ' +
    'trộn thư (cột: Mã DN, Tên doanh nghiệp, Mã mời, Đường dẫn Telegram, Cú pháp Zalo, Hết hạn)',
  cliInviteEnterpriseArg: 'mã hoặc tên doanh nghiệp (xem: enterprises list)',
  cliInviteAllOption: 'tạo mã cho mọi doanh nghiệp và ghi vào tệp CSV (mã không in ra màn hình)',
  cliInviteOutOption: 'tệp CSV cần ghi khi dùng --all (mặc định: ma-moi-doanh-nghiep-<thời điểm>.csv)',
  cliUsesEachOption: 'số lần dùng được của mỗi mã',
  cliUsesOption: 'số lần dùng được',
  cliDaysOption: 'số ngày hiệu lực',
  cliInviteFor: (who: string) => `Mã mời cho ${who}`,
  cliInviteOneOrAll: 'Chọn một trong hai: một doanh nghiệp (mã hoặc tên), hoặc --all cho mọi doanh nghiệp.',
  cliInviteOutNeedsAll: '--out chỉ dùng cùng --all.',
  cliInviteNeedsTarget: 'Cần mã hoặc tên doanh nghiệp (xem: enterprises list), hoặc --all.',
  cliInviteOfficerOf: (enterprise: string) => `cán bộ trực của ${enterprise}`,
  cliInviteCode: (who: string, code: string) => `Mã mời cho ${who}: ${code}`,
  cliInviteValidity: (uses: number, until: string) =>
    `Dùng được ${uses} lần, hết hạn ${until} (giờ Việt Nam).`,
  cliInviteTelegramNoLink:
    'Telegram: gửi cho bot "/dangky <mã>" (đặt TELEGRAM_BOT_USERNAME để có đường dẫn).',
  cliInviteZalo: (code: string) =>
    `Trên Zalo: quan tâm Official Account của Sở, rồi gửi tin nhắn: dangky ${code}`,
  /** The columns of the mail-merge file of `invite enterprise --all`. */
  cliInviteColumns: {
    code: 'Mã DN',
    name: 'Tên doanh nghiệp',
    invite: 'Mã mời',
    telegram: 'Đường dẫn Telegram',
    zalo: 'Cú pháp Zalo',
    expires: 'Hết hạn',
  },
  cliInviteAllWritten: (count: number, uses: number, until: string) =>
    `Đã ghi ${count} mã mời (mỗi doanh nghiệp một mã, dùng được ${uses} lần, hết hạn ${until} giờ Việt Nam) vào tệp:`,
  cliInviteAllKeepSecret:
    'Mã mời chỉ có trong tệp này: gửi cho từng doanh nghiệp, giữ kín và xóa tệp khi đã gửi xong.',

  // --- campaigns ---
  cliCampaign: 'Đợt báo cáo (mỗi lúc chỉ một đợt hoạt động)',
  cliCampaignCreate: 'Tạo đợt báo cáo: theo mẫu (--preset tet-2024), hoặc từ ngày mùng 1 Tết (--tet)',
  cliPresetOption: 'tet-2024: Tết Giáp Thìn 2024 theo công văn',
  cliCampaignNameOption: 'tên đợt',
  cliTetOption: 'năm Tết (2027: mùng 1 tính theo âm lịch) hoặc ngày mùng 1 Tết (dd/mm/yyyy)',
  cliDeadlineOption: 'hạn báo cáo hằng ngày (mặc định: theo công văn, hoặc 17:00)',
  cliActivateNowOption: 'kích hoạt ngay',
  cliDeadlineFormat: '--deadline dạng HH:mm, ví dụ 17:00',
  cliNoPreset: (preset: string) => `Không có mẫu "${preset}" (có: tet-2024).`,
  cliTetYearRange: '--tet: năm từ 2000 đến 2100.',
  cliFinalFromLetter: 'Hạn báo cáo cuối lấy từ công văn đang dùng.',
  cliDutyFromLetter: (sentence: string) =>
    `Các ngày báo cáo theo thời gian trực của công văn: "${sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence}"`,
  cliDutyAssumed:
    'Công văn không nêu thời gian trực: các ngày báo cáo tạm đặt từ 2 ngày trước Tết đến mùng 5 Tết.',
  cliFinalAssumed:
    'Công văn đang dùng không nói về Tết này: hạn báo cáo cuối tạm đặt 9:00 mùng 4 Tết; nhập công văn mới rồi tạo lại đợt.',
  cliCampaignNeedsPreset: 'Cần --preset tet-2024, --tet <năm> hoặc --tet <ngày mùng 1 Tết>.',
  cliCampaignCreated: (p: {
    id: number;
    name: string;
    from: string;
    to: string;
    daily: string;
    final: string;
    finalLabel: string;
    active: boolean;
  }) =>
    `Đã tạo đợt #${p.id} "${p.name}": ${p.from}–${p.to}, hạn hằng ngày ${p.daily}, báo cáo cuối trước ${p.final} ` +
    `(${p.finalLabel})${p.active ? ', đang hoạt động' : ''}.`,
  cliCampaignList: 'Liệt kê các đợt báo cáo',
  cliCampaignLine: (p: {
    id: number;
    active: boolean;
    name: string;
    from: string;
    to: string;
    daily: string;
    final: string;
  }) =>
    `#${p.id} ${p.active ? '[đang hoạt động] ' : ''}${p.name}: ${p.from}–${p.to}, hạn ${p.daily}, cuối ${p.final}`,
  cliNoCampaigns: 'Chưa có đợt nào. Tạo: campaign create --preset tet-2024 --activate',
  cliCampaignActivate: 'Kích hoạt một đợt (đợt đang hoạt động trước đó thôi hoạt động)',
  cliCampaignArg: 'số của đợt (xem: campaign list)',
  cliNoCampaign: (id: number) => `Không có đợt #${id}.`,
  cliCampaignActivated: (id: number, name: string) => `Đợt #${id} "${name}" đang hoạt động.`,

  // --- Zalo tokens ---
  cliZaloTokens:
    'Thay cặp token Zalo đã lưu bằng ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN trong môi trường (hoặc .env)',
  cliZaloTokensNeeded:
    'Cần đặt ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN.',
  cliZaloTokensReplaced: 'Đã thay cặp token Zalo; dịch vụ sẽ làm mới token trước lần gửi tiếp theo.',

  // --- export ---
  cliExport:
    'Xuất báo cáo ra tệp Excel (.xlsx) hoặc CSV: bảng ngày × doanh nghiệp, từng doanh nghiệp theo ngày (kể cả chưa báo cáo), mọi báo cáo, các sự cố',
  cliExportOutOption:
    'tệp .xlsx hoặc .csv cần ghi (thư mục chứa nó phải có sẵn); với .csv còn ghi thêm <tệp>-theo-ngay.csv: mỗi doanh nghiệp một dòng mỗi ngày',
  cliExportFromOption: 'từ ngày (mặc định: ngày đầu của đợt đang hoạt động)',
  cliExportToOption: 'đến ngày (mặc định: hôm nay hoặc ngày cuối của đợt)',
  cliExportWritten: (files: string[], format: string, from: string, to: string) =>
    `Đã ghi ${files.join(' và ')} (${format}, ${from}–${to}).`,

  // --- directive: the letter the bot answers from ---
  cliDirective: 'Công văn chỉ đạo mà bot trả lời (mỗi lần nhập là một phiên bản)',
  cliDirectiveImport: 'Nhập công văn từ tệp .txt hoặc .docx; in bố cục và các thông tin đọc được để kiểm tra',
  cliDirectiveFileArg: 'tệp công văn (.txt hoặc .docx)',
  cliDirectiveActivateNow: 'dùng ngay phiên bản này để trả lời',
  cliDirectiveImported: (file: string, id: number, active: boolean) =>
    `Đã nhập công văn "${file}" — phiên bản #${id}${active ? ' (đang dùng)' : ''}.`,
  cliDirectiveLive: 'Bot trả lời theo công văn này trong vòng 30 giây, không cần khởi động lại.',
  cliDirectiveCheckFirst: (id: number) =>
    `Kiểm tra các thông tin trên, rồi dùng: npm run admin -- directive activate ${id}`,
  cliDirectiveRejected: (file: string, why: string) => `${file}: ${why} Chưa có gì thay đổi.`,
  cliDirectiveList: 'Các phiên bản công văn đã nhập',
  cliNoDirectives: 'Chưa nhập công văn nào.',
  cliDirectiveLine: (id: number, active: boolean, source: string, at: string) =>
    `#${id}${active ? ' ✓ đang dùng' : ''}  ${source}  (nhập lúc ${at})`,
  cliDirectiveShow: 'Thông tin một phiên bản (mặc định: phiên bản đang dùng)',
  cliVersionArg: 'số phiên bản',
  cliNoVersion: (id: string) => `Không có phiên bản #${id}.`,
  cliNoActiveDirective: 'Chưa có công văn nào đang dùng.',
  cliDirectiveVersion: (id: number, active: boolean, source: string) =>
    `Phiên bản #${id}${active ? ' (đang dùng)' : ''} — ${source}`,
  cliDirectiveActivate:
    'Dùng một phiên bản đã nhập để trả lời (mọi bản sao của dịch vụ nhận trong vòng 30 giây)',
  cliNoVersionSeeList: (id: string) =>
    `Không có phiên bản #${id}. Xem danh sách: npm run admin -- directive list`,
  cliDirectiveSwitched: (id: string) => `Đã chuyển sang phiên bản #${id}.`,
  /** What the parser read from a letter, one labelled line each (describeLetter lines the values up). */
  cliLetterLabels: {
    number: 'Số, ký hiệu:',
    placeDate: 'Nơi, ngày ban hành:',
    issuer: 'Cơ quan ban hành:',
    subject: 'Trích yếu:',
    addressees: 'Kính gửi:',
    basis: 'Căn cứ:',
    holiday: 'Dịp Tết:',
    deadline: 'Hạn báo cáo:',
    daily: 'Báo cáo hằng ngày:',
    emails: 'E-mail nhận:',
    hotline: 'Đường dây nóng:',
    recipients: 'Nơi nhận:',
    signer: 'Người ký:',
    outline: 'Bố cục:',
    check: 'Cần kiểm tra:',
  },
  cliLetterNumberBlank: '(để trống)',
  cliLetterOnDay: (day: string) => `(ngày ${day})`,
  cliLetterTetFirstDay: (day: string) => `(mùng 1 Tết: ${day})`,
  cliLetterDeadline: (time: string, weekday: string, date: string) =>
    `trước ${time ? `${time} ` : ''}${weekday}, ngày ${date}${time ? '' : ' (công văn không ghi giờ)'}`,
  cliLetterBefore: (time: string) => `trước ${time}`,
  cliLetterNotRequired: 'không yêu cầu',
  cliLetterNone: 'không có',
  cliLetterClauses: (n: number) => `(${n} đoạn, mục, điểm)`,

  // --- org: the department as data ---
  cliOrg: 'Thông tin của Sở dùng trong tin nhắn, báo cáo tổng hợp và tệp xuất',
  cliOrgSet: 'Đặt một hoặc nhiều thông tin (trống: lấy từ công văn đang dùng)',
  cliOrgNothingToSet: 'Chưa có thông tin nào để đặt. Xem: npm run admin -- org set --help',
  cliOrgSaved: (org: string) => `Đã lưu. Thông tin của Sở:\n${org}`,
  cliOrgShow: 'Thông tin của Sở đang dùng',
  cliOrgLabels: {
    name: 'Tên cơ quan',
    shortName: 'Tên viết hoa (tiêu đề)',
    parentBody: 'Cơ quan chủ quản',
    province: 'Tỉnh',
    place: 'Địa danh',
    email: 'E-mail nhận báo cáo',
    phone: 'Điện thoại',
    reportingUnit: 'Đơn vị nhận báo cáo',
    symbol: 'Chữ viết tắt (ký hiệu)',
    addressee: 'Kính gửi (báo cáo tổng hợp)',
    signerAuthority: 'Thẩm quyền ký',
    signerTitle: 'Chức vụ người ký',
    signerName: 'Họ tên người ký',
  },

  // --- areas and the .docx report ---
  cliAreas: 'Xã, phường của tỉnh (để cán bộ trực chọn khi báo cáo sự cố)',
  cliAreasImport: 'Nhập danh sách xã, phường từ tệp CSV (cột "Tên", hoặc cột đầu tiên)',
  cliCsvFileArg: 'tệp .csv',
  cliAreasNone: (file: string) => `${file}: không có tên xã, phường nào.`,
  cliAreasImported: (read: number, added: number) =>
    `Đã đọc ${read} đơn vị; thêm mới ${added}, ${read - added} đã có.`,
  cliReport: 'Báo cáo tổng hợp gửi UBND tỉnh (.docx theo Nghị định 30/2020/NĐ-CP)',
  cliReportOutOption: 'tệp .docx cần ghi (mặc định: theo tên dịp Tết)',
  cliReportWritten: (file: string, from: string, to: string, incidents: number) =>
    `Đã ghi ${file}: báo cáo từ ${from} đến ${to}, ${incidents} sự cố. Điền số văn bản, ký và đóng dấu trước khi gửi.`,
};
