/**
 * Why the service could not start, for the operator's terminal: one line in Vietnamese, then the same in English.
 * The database's causes come as `{ vi, en }`, the two halves of such a line.
 */
export const startupTexts = {
  startFailed: (why: string) => `Không khởi động được: ${why} / Could not start: ${why}`,
  dbConnectFailed: (target: string, cause: { vi: string; en: string }) =>
    `Không kết nối được cơ sở dữ liệu ${target} (${cause.vi}) / Cannot connect to the database ${target} (${cause.en})`,
  dbMigrationFailed: (target: string, why: string) =>
    `Không áp dụng được cấu trúc (migration) cho cơ sở dữ liệu ${target}: ${why} / Cannot apply the migrations to the database ${target}: ${why}`,
  dbRefused: { vi: 'máy chủ từ chối kết nối', en: 'connection refused' },
  dbNoSocket: { vi: 'không có socket của máy chủ', en: 'no server socket' },
  dbHostNotFound: { vi: 'không tìm thấy tên máy chủ', en: 'host not found' },
  dbHostLookupFailed: { vi: 'không phân giải được tên máy chủ', en: 'host name lookup failed' },
  dbHostUnreachable: { vi: 'không tới được máy chủ', en: 'host unreachable' },
  dbNetworkUnreachable: { vi: 'không tới được mạng của máy chủ', en: 'network unreachable' },
  dbClosed: { vi: 'máy chủ đóng kết nối', en: 'the server closed the connection' },
  dbTimeout: (seconds: number) => ({
    vi: `hết thời gian chờ ${seconds} s`,
    en: `timed out after ${seconds} s`,
  }),
  /** `database` and `user` come quoted ('"tet"'), or empty when the server did not name them. */
  dbNoDatabase: (database: string) => ({
    vi: `cơ sở dữ liệu ${database} không tồn tại`,
    en: `database ${database} does not exist`,
  }),
  dbBadPassword: (user: string) => ({
    vi: `sai mật khẩu của người dùng ${user}`,
    en: `password authentication failed for user ${user}`,
  }),
  dbNoRole: (role: string) => ({
    vi: `người dùng (role) ${role} không tồn tại`,
    en: `role ${role} does not exist`,
  }),
  dbNotAllowed: {
    vi: 'máy chủ không cho phép kết nối này (pg_hba.conf) [28000]',
    en: 'the server does not allow this connection (pg_hba.conf) [28000]',
  },
  dbUnavailable: (why: string) => ({
    vi: `máy chủ chưa nhận kết nối: ${why}`,
    en: `not accepting connections: ${why}`,
  }),
  dbOther: (why: string) => ({ vi: `lỗi: ${why}`, en: `error: ${why}` }),
};
