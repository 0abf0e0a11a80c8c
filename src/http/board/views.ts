import { html } from 'hono/html';
import { formatDay, formatVnDateTime, vnTime } from '../../clock.ts';
import type { Person } from '../../db/queries/people.ts';
import type { DayReport } from '../../db/queries/reports.ts';
import type { BoardData, CellState, ReportDetail } from '../../features/board.ts';
import type { IncidentRecord } from '../../features/export.ts';
import { kindLabel } from '../../features/incident-kinds.ts';
import { durationText, scaleText } from '../../features/incidents.ts';
import { reportRef } from '../../texts/index.ts';
import { reportsChart } from './chart.ts';

/** Every string interpolated into these templates is escaped by hono/html; nothing user-typed goes through raw(). */
type Html = ReturnType<typeof html>;

export const BOARD_PATHS = {
  board: '/board',
  live: '/board/live',
  events: '/board/events',
  login: '/board/login',
  logout: '/board/logout',
  xlsx: '/board/export.xlsx',
  csv: '/board/export.csv',
  daysCsv: '/board/export-theo-ngay.csv',
  script: '/board/static/board.js',
  style: '/board/static/board.css',
  report: (enterpriseId: number, day: string) => `/board/report/${enterpriseId}/${day}`,
} as const;

const CHANNELS: Record<string, string> = { telegram: 'Telegram', zalo: 'Zalo', console: 'Console' };
const channelLabel = (c: string): string => CHANNELS[c] ?? c;
/** "08:15 10/02": the year is on the page's date line. */
const shortTime = (at: Date): string => vnTime(at).toFormat('HH:mm dd/MM');
const roleLabel = (p: Person): string => (p.role === 'admin' ? 'quản trị viên' : 'cán bộ Sở');

export function page(params: {
  title: string;
  body: Html;
  /** The signed-in board: live updates and the sign-out button. */
  person?: Person;
  watermark?: string;
  org?: string;
}): Html {
  const { person } = params;
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${params.title}</title>
<link rel="stylesheet" href="${BOARD_PATHS.style}">
<script src="${BOARD_PATHS.script}" defer></script>
</head>
<body${person ? html` data-live="${BOARD_PATHS.live}" data-events="${BOARD_PATHS.events}" data-watermark="${params.watermark ?? ''}"` : ''}>
<header class="top">
  <div class="brand">
    <h1>Bảng theo dõi báo cáo dịp Tết</h1>
    ${params.org ? html`<p class="org">${params.org}</p>` : ''}
  </div>
  ${
    person
      ? html`<div class="who">
    <p id="live-status" class="live" data-state="connecting" role="status" aria-live="polite">Đang kết nối với máy chủ…</p>
    <p class="person">${person.displayName} · ${roleLabel(person)}</p>
    <form method="post" action="${BOARD_PATHS.logout}"><button type="submit" class="link-button">Đăng xuất</button></form>
  </div>`
      : ''
  }
</header>
<main>
${params.body}
</main>
${person ? html`<dialog id="detail" aria-label="Chi tiết báo cáo"><div class="dialog-body"></div><form method="dialog"><button type="submit">Đóng</button></form></dialog>` : ''}
</body>
</html>`;
}

export function messagePage(title: string, lines: string[]): Html {
  return page({
    title,
    body: html`<section class="notice"><h2>${title}</h2>${lines.map((l) => html`<p>${l}</p>`)}</section>`,
  });
}

export function loginPage(token: string): Html {
  return page({
    title: 'Đăng nhập bảng theo dõi',
    body: html`<section class="notice">
  <h2>Đăng nhập bảng theo dõi</h2>
  <p>Đường dẫn này chỉ dùng được một lần. Bấm nút dưới đây để vào bảng theo dõi; phiên đăng nhập kéo dài 8 giờ.</p>
  <form method="post" action="${BOARD_PATHS.login}">
    <input type="hidden" name="t" value="${token}">
    <button type="submit" class="primary">Vào bảng theo dõi</button>
  </form>
</section>`,
  });
}

const STATE_TEXT: Record<CellState, string> = {
  normal: 'Đã báo cáo',
  incident: 'Có sự cố',
  missing: 'Chưa báo cáo',
  pending: 'Chưa đến ngày',
};
const STATE_MARK: Record<CellState, string> = { normal: '✓', incident: '⚠', missing: '–', pending: '' };

function incidentState(i: IncidentRecord | { resolvedAt: Date | null }): Html {
  return i.resolvedAt
    ? html`<span class="badge badge-ok">Đã khắc phục</span>`
    : html`<span class="badge badge-open">Đang xử lý</span>`;
}

function reportSummary(r: Pick<DayReport, 'status' | 'incident'>): Html {
  const i = r.incident;
  if (r.status !== 'incident' || !i) return html`<span class="badge badge-ok">Bình thường</span>`;
  const parts = [kindLabel(i.kind), i.area, i.affected ? `ảnh hưởng ${i.affected}` : undefined].filter(
    Boolean,
  );
  return html`<span class="badge badge-open">Sự cố</span> ${parts.join(', ')}${i.ongoing ? ' (đang xử lý)' : ' (đã khắc phục)'}`;
}

function todaySection(d: BoardData): Html {
  const s = d.status;
  const openCount = d.status.incidents.filter((i) => !i.resolvedAt).length;
  const allUnreachable = new Set(s.unreachable.map((e) => e.id));
  const latest = (enterpriseId: number): Html => {
    const at = d.latestTimes.get(enterpriseId);
    return at
      ? html`<span class="when">báo cáo gần nhất lúc ${shortTime(at)}</span>`
      : html`<span class="when">chưa báo cáo lần nào</span>`;
  };
  return html`<section id="today" class="today" aria-labelledby="today-title">
  <h2 id="today-title">Hôm nay, ${formatDay(d.today)}</h2>
  <p class="deadline">${
    d.deadline
      ? `Hạn báo cáo hôm nay: ${formatVnDateTime(d.deadline)} (giờ Việt Nam)`
      : d.campaign
        ? `Hôm nay không thuộc đợt báo cáo ${d.campaign.name}.`
        : 'Chưa có đợt báo cáo nào đang hoạt động.'
  }</p>
  <div class="cards">
    <p class="card card-main"><span class="num" id="reported-count">Đã báo cáo ${s.reportedCount}/${s.total}</span></p>
    <p class="card${s.missingCount > 0 ? ' card-warn' : ''}"><span class="num">${s.missingCount}</span> chưa báo cáo</p>
    <p class="card${openCount > 0 ? ' card-alert' : ''}"><span class="num">${openCount}</span> sự cố đang xử lý</p>
    <p class="card${s.unreachableCount > 0 ? ' card-warn' : ''}"><span class="num">${d.unreachable.length}</span> tài khoản không liên lạc được</p>
  </div>
  <div class="lists">
    <div class="list">
      <h3>Sự cố trong ngày (${s.incidentCount})</h3>
      ${
        s.incidents.length === 0
          ? html`<p class="muted">Không có sự cố.</p>`
          : html`<ul>${s.incidents.map(
              (i) =>
                html`<li class="${i.resolvedAt ? '' : 'open'}">${incidentState(i)} <strong>${i.enterpriseName}</strong>: ${kindLabel(i.kind)}${i.area ? `, ${i.area}` : ''}${
                  scaleText(i) ? `, ảnh hưởng ${scaleText(i)}` : ''
                } <span class="when">báo lúc ${shortTime(i.openedAt)}${
                  i.resolvedAt ? `, khắc phục lúc ${shortTime(i.resolvedAt)}` : ''
                }</span></li>`,
            )}</ul>`
      }
    </div>
    <div class="list">
      <h3>Chưa báo cáo (${s.missingCount})</h3>
      ${
        s.missing.length === 0
          ? html`<p class="muted">${s.total === 0 ? 'Chưa có doanh nghiệp nào trong danh sách.' : 'Tất cả doanh nghiệp đã báo cáo.'}</p>`
          : html`<ul id="missing-list">${s.missing.map(
              (e) =>
                html`<li><strong>${e.name}</strong> <span class="code">${e.code}</span> ${latest(e.id)}${
                  e.hasOfficer ? '' : html` <span class="badge">chưa có cán bộ đăng ký</span>`
                }</li>`,
            )}</ul>`
      }
    </div>
    <div class="list">
      <h3>Không liên lạc được qua Zalo/Telegram (${d.unreachable.length})</h3>
      ${
        d.unreachable.length === 0
          ? html`<p class="muted">Mọi cán bộ trực đều nhận được tin nhắn.</p>`
          : html`<ul>${d.unreachable.map(
              (u) =>
                html`<li><strong>${u.enterpriseName}</strong>: ${u.personName} (${channelLabel(u.channel)}, từ ${shortTime(u.since)})${
                  allUnreachable.has(u.enterpriseId)
                    ? html` <span class="badge badge-open">cần gọi điện</span>`
                    : ''
                } ${latest(u.enterpriseId)}</li>`,
            )}</ul>`
      }
    </div>
    <details class="list" data-key="reported-today">
      <summary>Đã báo cáo hôm nay (${d.reportedToday.length})</summary>
      <ul id="reported-list">${d.reportedToday.map(
        (r) =>
          html`<li><strong>${r.enterpriseName}</strong> ${reportSummary(r)} <span class="when">lúc ${shortTime(r.createdAt)}${
            r.revision > 1 ? `, đã sửa ${r.revision - 1} lần` : ''
          }</span></li>`,
      )}</ul>
    </details>
  </div>
</section>`;
}

/** Rows beyond this are left to the Excel file: a phone cannot show thousands of rows anyway. */
const GRID_ROWS = 300;

function gridSection(d: BoardData): Html {
  const { grid } = d;
  const rows = grid.enterprises.slice(0, GRID_ROWS);
  const title = d.campaign ? `Báo cáo theo ngày — ${d.campaign.name}` : 'Báo cáo 7 ngày gần đây';
  const total = grid.enterprises.length;
  return html`<section id="grid" aria-labelledby="grid-title">
  <h2 id="grid-title">${title}</h2>
  <p class="legend">
    <span class="cell-key cell-normal">✓</span> đã báo cáo
    <span class="cell-key cell-incident">⚠</span> có sự cố
    <span class="cell-key cell-missing">–</span> chưa báo cáo
    <span class="cell-key cell-normal">✓✎</span> đã sửa báo cáo
    · Bấm vào một ô để xem báo cáo và các lần sửa.
  </p>
  <div class="grid-scroll">
  <table class="grid">
    <thead><tr><th scope="col" class="ent">Doanh nghiệp</th>${grid.days.map(
      (day) =>
        html`<th scope="col"${day === d.today ? html` class="today-col"` : ''}>${formatDay(day).slice(0, 5)}</th>`,
    )}</tr></thead>
    <tbody>${rows.map(
      (e) =>
        html`<tr><th scope="row" class="ent">${e.name}</th>${grid.days.map((day) => {
          const cell = d.cells.get(`${e.id}|${day}`)!;
          const label = `${e.name}, ${formatDay(day)}: ${STATE_TEXT[cell.state]}${
            cell.amended ? ` (đã sửa ${cell.report!.revision - 1} lần)` : ''
          }`;
          const cls = `cell cell-${cell.state}${cell.amended ? ' cell-amended' : ''}`;
          return cell.state === 'pending'
            ? html`<td class="${cls}" title="${label}"></td>`
            : html`<td class="${cls}" data-state="${cell.state}${cell.amended ? ' amended' : ''}"><a href="${BOARD_PATHS.report(e.id, day)}" data-detail title="${label}" aria-label="${label}">${STATE_MARK[cell.state]}${cell.amended ? '✎' : ''}</a></td>`;
        })}</tr>`,
    )}</tbody>
    <tfoot><tr><th scope="row" class="ent">Đã báo cáo</th>${d.figures.map(
      (f) => html`<td class="sum">${f.reported}/${total}</td>`,
    )}</tr></tfoot>
  </table>
  </div>
  ${total > GRID_ROWS ? html`<p class="muted">Chỉ hiện ${GRID_ROWS}/${total} doanh nghiệp đầu tiên; danh sách đầy đủ có trong tệp Excel.</p>` : ''}
</section>`;
}

function incidentCard(i: IncidentRecord, now: Date): Html {
  const scale = scaleText(i);
  const UPDATE: Record<string, string> = {
    opened: 'Báo sự cố',
    update: 'Cập nhật',
    resolved: 'Đã khắc phục',
    reopened: 'Mở lại',
  };
  return html`<article class="incident${i.resolvedAt ? '' : ' open'}">
  <h3>${kindLabel(i.kind)} — ${i.enterpriseName} ${incidentState(i)}</h3>
  <dl>
    <dt>Khu vực</dt><dd>${i.area ?? 'không rõ'}</dd>
    <dt>Quy mô</dt><dd>${scale ?? 'không rõ'}</dd>
    <dt>Báo lúc</dt><dd>${formatVnDateTime(i.openedAt)} (ngày báo cáo ${formatDay(i.reportDay)})</dd>
    <dt>${i.resolvedAt ? 'Khắc phục lúc' : 'Đã kéo dài'}</dt><dd>${
      i.resolvedAt
        ? `${formatVnDateTime(i.resolvedAt)} (sau ${durationText(i.openedAt, i.resolvedAt)})`
        : durationText(i.openedAt, now)
    }</dd>
    ${i.description ? html`<dt>Mô tả</dt><dd class="desc">${i.description}</dd>` : ''}
  </dl>
  ${
    i.updates.length > 0
      ? html`<details data-key="incident-${i.id}"><summary>Diễn biến (${i.updates.length})</summary><ol class="history">${i.updates.map(
          (u) =>
            html`<li>${formatVnDateTime(u.at)}: ${UPDATE[u.kind] ?? u.kind}${u.text ? ` — ${u.text}` : ''}</li>`,
        )}</ol></details>`
      : ''
  }
</article>`;
}

function incidentsSection(d: BoardData): Html {
  const open = d.incidents.filter((i) => !i.resolvedAt).length;
  return html`<section id="incidents" aria-labelledby="incidents-title">
  <h2 id="incidents-title">Sự cố (${d.incidents.length}, ${open} đang xử lý)</h2>
  ${
    d.incidents.length === 0
      ? html`<p class="muted">Chưa có sự cố nào trong khoảng thời gian này.</p>`
      : html`<div class="incidents">${d.incidents.map((i) => incidentCard(i, d.now))}</div>`
  }
</section>`;
}

function chartSection(d: BoardData): Html {
  return html`<section id="chart" aria-labelledby="chart-heading">
  <h2 id="chart-heading">Số báo cáo theo ngày</h2>
  ${reportsChart(d.figures, d.grid.enterprises.length)}
</section>`;
}

function exportSection(draft: string): Html {
  return html`<section id="exports" aria-labelledby="exports-title">
  <h2 id="exports-title">Tải về và tổng hợp</h2>
  <p class="buttons">
    <a class="button primary" id="download-xlsx" href="${BOARD_PATHS.xlsx}" download>Tải Excel</a>
    <a class="button" id="download-csv" href="${BOARD_PATHS.csv}" download>Tải CSV</a>
    <a class="button" id="download-days-csv" href="${BOARD_PATHS.daysCsv}" download>Tải CSV theo ngày (cả doanh nghiệp chưa báo cáo)</a>
  </p>
  <h3>Dự thảo báo cáo tổng hợp (như lệnh /tonghop)</h3>
  <textarea id="draft" readonly rows="14" spellcheck="false">${draft}</textarea>
  <p><button type="button" data-copy="draft">Sao chép dự thảo</button> <span class="copied" hidden>Đã sao chép.</span></p>
</section>`;
}

/** The parts that change as reports come in: swapped in place by the page's script. */
export function liveSections(d: BoardData, draft: string): Html {
  return html`<p id="as-of" class="muted" data-watermark="${d.watermark}">Số liệu lúc ${vnTime(d.now).toFormat('HH:mm:ss dd/MM/yyyy')} (giờ Việt Nam)</p>
${todaySection(d)}
${gridSection(d)}
${incidentsSection(d)}
${chartSection(d)}
${exportSection(draft)}`;
}

export function boardPage(params: { data: BoardData; draft: string; person: Person; org?: string }): Html {
  return page({
    title: 'Bảng theo dõi báo cáo dịp Tết',
    person: params.person,
    watermark: params.data.watermark,
    org: params.org,
    body: html`<div id="live">${liveSections(params.data, params.draft)}</div>`,
  });
}

/** One cell's report; `standalone` when it is a page of its own rather than the board's dialog. */
export function reportDetail(d: ReportDetail, now: Date, standalone = false): Html {
  return html`<section class="detail">
  <h2>${d.enterprise.name} — ngày ${formatDay(d.day)}</h2>
  ${
    d.revisions.length === 0
      ? html`<p class="muted">Chưa có báo cáo cho ngày này.</p>`
      : html`<ol class="revisions">${d.revisions.map(
          (r) => html`<li>
        <p><strong>${r.revision === 1 ? 'Báo cáo' : `Bản sửa lần ${r.revision - 1}`}</strong> · ${reportRef(r.id)} · lúc ${formatVnDateTime(r.createdAt)} · ${r.reporterName} (${channelLabel(r.channel)})</p>
        <p>${reportSummary(r)}</p>
        ${r.note ? html`<p class="desc">${r.note}</p>` : ''}
      </li>`,
        )}</ol>`
  }
  ${
    d.incidents.length > 0
      ? html`<h3>Sự cố báo trong ngày</h3><div class="incidents">${d.incidents.map((i) => incidentCard(i, now))}</div>`
      : ''
  }
  ${standalone ? html`<p><a href="${BOARD_PATHS.board}">← Về bảng theo dõi</a></p>` : ''}
</section>`;
}
