import { html } from 'hono/html';
import { formatDay, formatVnDateTime, vnTime } from '../../clock.ts';
import type { Person } from '../../db/queries/people.ts';
import type { DayReport } from '../../db/queries/reports.ts';
import type { BoardData, CellState, ReportDetail } from '../../features/board.ts';
import type { IncidentRecord } from '../../features/export.ts';
import { kindLabel } from '../../features/incident-kinds.ts';
import { durationText, scaleText } from '../../features/incidents.ts';
import { reportRef, t } from '../../texts/index.ts';
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
const roleLabel = (p: Person): string => (p.role === 'admin' ? t.boardRoleAdmin : t.boardRoleStaff);

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
    <h1>${t.boardTitle}</h1>
    ${params.org ? html`<p class="org">${params.org}</p>` : ''}
  </div>
  ${
    person
      ? html`<div class="who">
    <p id="live-status" class="live" data-state="connecting" role="status" aria-live="polite">${t.boardConnecting}</p>
    <p class="person">${person.displayName} · ${roleLabel(person)}</p>
    <form method="post" action="${BOARD_PATHS.logout}"><button type="submit" class="link-button">${t.boardLogout}</button></form>
  </div>`
      : ''
  }
</header>
<main>
${params.body}
</main>
${person ? html`<dialog id="detail" aria-label="${t.boardDetailLabel}"><div class="dialog-body"></div><form method="dialog"><button type="submit">${t.boardClose}</button></form></dialog>` : ''}
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
    title: t.boardLoginTitle,
    body: html`<section class="notice">
  <h2>${t.boardLoginTitle}</h2>
  <p>${t.boardLoginText}</p>
  <form method="post" action="${BOARD_PATHS.login}">
    <input type="hidden" name="t" value="${token}">
    <button type="submit" class="primary">${t.boardLoginButton}</button>
  </form>
</section>`,
  });
}

const STATE_TEXT: Record<CellState, string> = t.boardCellStates;
const STATE_MARK: Record<CellState, string> = { normal: '✓', incident: '⚠', missing: '–', pending: '' };

function incidentState(i: IncidentRecord | { resolvedAt: Date | null }): Html {
  return i.resolvedAt
    ? html`<span class="badge badge-ok">${t.boardResolved}</span>`
    : html`<span class="badge badge-open">${t.boardOngoing}</span>`;
}

function reportSummary(r: Pick<DayReport, 'status' | 'incident'>): Html {
  const i = r.incident;
  if (r.status !== 'incident' || !i) return html`<span class="badge badge-ok">${t.boardNormal}</span>`;
  const parts = [kindLabel(i.kind), i.area, i.affected ? t.affectedBy(i.affected) : undefined].filter(
    Boolean,
  );
  return html`<span class="badge badge-open">${t.boardIncident}</span> ${parts.join(', ')} ${t.boardIncidentState(i.ongoing)}`;
}

function todaySection(d: BoardData): Html {
  const s = d.status;
  const openCount = d.status.incidents.filter((i) => !i.resolvedAt).length;
  const allUnreachable = new Set(s.unreachable.map((e) => e.id));
  const latest = (enterpriseId: number): Html => {
    const at = d.latestTimes.get(enterpriseId);
    return at
      ? html`<span class="when">${t.boardLatestAt(shortTime(at))}</span>`
      : html`<span class="when">${t.boardNeverReported}</span>`;
  };
  return html`<section id="today" class="today" aria-labelledby="today-title">
  <h2 id="today-title">${t.boardToday(formatDay(d.today))}</h2>
  <p class="deadline">${
    d.deadline
      ? t.boardDeadline(formatVnDateTime(d.deadline))
      : d.campaign
        ? t.boardOutsideCampaign(d.campaign.name)
        : t.boardNoCampaign
  }</p>
  <div class="cards">
    <p class="card card-main"><span class="num" id="reported-count">${t.boardReportedCount(s.reportedCount, s.total)}</span></p>
    <p class="card${s.missingCount > 0 ? ' card-warn' : ''}"><span class="num">${s.missingCount}</span> ${t.boardMissing}</p>
    <p class="card${openCount > 0 ? ' card-alert' : ''}"><span class="num">${openCount}</span> ${t.boardCardOpen}</p>
    <p class="card${s.unreachableCount > 0 ? ' card-warn' : ''}"><span class="num">${d.unreachable.length}</span> ${t.boardCardUnreachable}</p>
  </div>
  <div class="lists">
    <div class="list">
      <h3>${t.boardTodayIncidents(s.incidentCount)}</h3>
      ${
        s.incidents.length === 0
          ? html`<p class="muted">${t.boardNoIncidentsToday}</p>`
          : html`<ul>${s.incidents.map(
              (i) =>
                html`<li class="${i.resolvedAt ? '' : 'open'}">${incidentState(i)} <strong>${i.enterpriseName}</strong>: ${kindLabel(i.kind)}${i.area ? `, ${i.area}` : ''}${
                  scaleText(i) ? `, ${t.affectedBy(scaleText(i)!)}` : ''
                } <span class="when">${t.boardOpenedAt(shortTime(i.openedAt))}${
                  i.resolvedAt ? `, ${t.boardFixedAt(shortTime(i.resolvedAt))}` : ''
                }</span></li>`,
            )}</ul>`
      }
    </div>
    <div class="list">
      <h3>${t.boardMissingTitle(s.missingCount)}</h3>
      ${
        s.missing.length === 0
          ? html`<p class="muted">${s.total === 0 ? t.boardNoEnterprises : t.boardAllReported}</p>`
          : html`<ul id="missing-list">${s.missing.map(
              (e) =>
                html`<li><strong>${e.name}</strong> <span class="code">${e.code}</span> ${latest(e.id)}${
                  e.hasOfficer ? '' : html` <span class="badge">${t.boardNoOfficer}</span>`
                }</li>`,
            )}</ul>`
      }
    </div>
    <div class="list">
      <h3>${t.boardUnreachableTitle(d.unreachable.length)}</h3>
      ${
        d.unreachable.length === 0
          ? html`<p class="muted">${t.boardAllReachable}</p>`
          : html`<ul>${d.unreachable.map(
              (u) =>
                html`<li><strong>${u.enterpriseName}</strong>: ${u.personName} (${channelLabel(u.channel)}, ${t.boardSince(shortTime(u.since))})${
                  allUnreachable.has(u.enterpriseId)
                    ? html` <span class="badge badge-open">${t.boardCallNeeded}</span>`
                    : ''
                } ${latest(u.enterpriseId)}</li>`,
            )}</ul>`
      }
    </div>
    <details class="list" data-key="reported-today">
      <summary>${t.boardReportedToday(d.reportedToday.length)}</summary>
      <ul id="reported-list">${d.reportedToday.map(
        (r) =>
          html`<li><strong>${r.enterpriseName}</strong> ${reportSummary(r)} <span class="when">${t.boardAt(shortTime(r.createdAt))}${
            r.revision > 1 ? `, ${t.boardAmended(r.revision - 1)}` : ''
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
  const title = d.campaign ? t.boardGridTitle(d.campaign.name) : t.boardGridTitleRecent;
  const total = grid.enterprises.length;
  return html`<section id="grid" aria-labelledby="grid-title">
  <h2 id="grid-title">${title}</h2>
  <p class="legend">
    <span class="cell-key cell-normal">✓</span> ${t.boardLegendNormal}
    <span class="cell-key cell-incident">⚠</span> ${t.boardLegendIncident}
    <span class="cell-key cell-missing">–</span> ${t.boardMissing}
    <span class="cell-key cell-normal">✓✎</span> ${t.boardLegendAmended}
    · ${t.boardLegendHint}
  </p>
  <div class="grid-scroll">
  <table class="grid">
    <thead><tr><th scope="col" class="ent">${t.boardEnterprise}</th>${grid.days.map(
      (day) =>
        html`<th scope="col"${day === d.today ? html` class="today-col"` : ''}>${formatDay(day).slice(0, 5)}</th>`,
    )}</tr></thead>
    <tbody>${rows.map(
      (e) =>
        html`<tr><th scope="row" class="ent">${e.name}</th>${grid.days.map((day) => {
          const cell = d.cells.get(`${e.id}|${day}`)!;
          const label = `${e.name}, ${formatDay(day)}: ${STATE_TEXT[cell.state]}${
            cell.amended ? ` (${t.boardAmended(cell.report!.revision - 1)})` : ''
          }`;
          const cls = `cell cell-${cell.state}${cell.amended ? ' cell-amended' : ''}`;
          return cell.state === 'pending'
            ? html`<td class="${cls}" title="${label}"></td>`
            : html`<td class="${cls}" data-state="${cell.state}${cell.amended ? ' amended' : ''}"><a href="${BOARD_PATHS.report(e.id, day)}" data-detail title="${label}" aria-label="${label}">${STATE_MARK[cell.state]}${cell.amended ? '✎' : ''}</a></td>`;
        })}</tr>`,
    )}</tbody>
    <tfoot><tr><th scope="row" class="ent">${t.boardGridReported}</th>${d.figures.map(
      (f) => html`<td class="sum">${f.reported}/${total}</td>`,
    )}</tr></tfoot>
  </table>
  </div>
  ${total > GRID_ROWS ? html`<p class="muted">${t.boardGridTruncated(GRID_ROWS, total)}</p>` : ''}
</section>`;
}

function incidentCard(i: IncidentRecord, now: Date): Html {
  const scale = scaleText(i);
  const UPDATE: Record<string, string> = t.incidentUpdateKinds;
  return html`<article class="incident${i.resolvedAt ? '' : ' open'}">
  <h3>${kindLabel(i.kind)} — ${i.enterpriseName} ${incidentState(i)}</h3>
  <dl>
    <dt>${t.boardArea}</dt><dd>${i.area ?? t.boardUnknown}</dd>
    <dt>${t.boardScale}</dt><dd>${scale ?? t.boardUnknown}</dd>
    <dt>${t.boardReportedAtLabel}</dt><dd>${t.boardOpenedOnDay(formatVnDateTime(i.openedAt), formatDay(i.reportDay))}</dd>
    <dt>${i.resolvedAt ? t.boardFixedAtLabel : t.boardLastedLabel}</dt><dd>${
      i.resolvedAt
        ? t.boardFixedAfter(formatVnDateTime(i.resolvedAt), durationText(i.openedAt, i.resolvedAt))
        : durationText(i.openedAt, now)
    }</dd>
    ${i.description ? html`<dt>${t.boardDescription}</dt><dd class="desc">${i.description}</dd>` : ''}
  </dl>
  ${
    i.updates.length > 0
      ? html`<details data-key="incident-${i.id}"><summary>${t.boardHistory(i.updates.length)}</summary><ol class="history">${i.updates.map(
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
  <h2 id="incidents-title">${t.boardIncidentsTitle(d.incidents.length, open)}</h2>
  ${
    d.incidents.length === 0
      ? html`<p class="muted">${t.boardNoIncidents}</p>`
      : html`<div class="incidents">${d.incidents.map((i) => incidentCard(i, d.now))}</div>`
  }
</section>`;
}

function chartSection(d: BoardData): Html {
  return html`<section id="chart" aria-labelledby="chart-heading">
  <h2 id="chart-heading">${t.boardChartTitle}</h2>
  ${reportsChart(d.figures, d.grid.enterprises.length)}
</section>`;
}

function exportSection(draft: string): Html {
  return html`<section id="exports" aria-labelledby="exports-title">
  <h2 id="exports-title">${t.boardExportsTitle}</h2>
  <p class="buttons">
    <a class="button primary" id="download-xlsx" href="${BOARD_PATHS.xlsx}" download>${t.boardDownloadXlsx}</a>
    <a class="button" id="download-csv" href="${BOARD_PATHS.csv}" download>${t.boardDownloadCsv}</a>
    <a class="button" id="download-days-csv" href="${BOARD_PATHS.daysCsv}" download>${t.boardDownloadDaysCsv}</a>
  </p>
  <h3>${t.boardDraftTitle}</h3>
  <textarea id="draft" readonly rows="14" spellcheck="false">${draft}</textarea>
  <p><button type="button" data-copy="draft">${t.boardCopyDraft}</button> <span class="copied" hidden>${t.boardCopied}</span></p>
</section>`;
}

/** The parts that change as reports come in: swapped in place by the page's script. */
export function liveSections(d: BoardData, draft: string): Html {
  return html`<p id="as-of" class="muted" data-watermark="${d.watermark}">${t.boardAsOf(vnTime(d.now).toFormat('HH:mm:ss dd/MM/yyyy'))}</p>
${todaySection(d)}
${gridSection(d)}
${incidentsSection(d)}
${chartSection(d)}
${exportSection(draft)}`;
}

export function boardPage(params: { data: BoardData; draft: string; person: Person; org?: string }): Html {
  return page({
    title: t.boardTitle,
    person: params.person,
    watermark: params.data.watermark,
    org: params.org,
    body: html`<div id="live">${liveSections(params.data, params.draft)}</div>`,
  });
}

/** One cell's report; `standalone` when it is a page of its own rather than the board's dialog. */
export function reportDetail(d: ReportDetail, now: Date, standalone = false): Html {
  return html`<section class="detail">
  <h2>${t.boardDetailTitle(d.enterprise.name, formatDay(d.day))}</h2>
  ${
    d.revisions.length === 0
      ? html`<p class="muted">${t.boardDetailEmpty}</p>`
      : html`<ol class="revisions">${d.revisions.map(
          (r) => html`<li>
        <p><strong>${t.boardRevision(r.revision)}</strong> · ${reportRef(r.id)} · ${t.boardAt(formatVnDateTime(r.createdAt))} · ${r.reporterName} (${channelLabel(r.channel)})</p>
        <p>${reportSummary(r)}</p>
        ${r.note ? html`<p class="desc">${r.note}</p>` : ''}
      </li>`,
        )}</ol>`
  }
  ${
    d.incidents.length > 0
      ? html`<h3>${t.boardDetailIncidents}</h3><div class="incidents">${d.incidents.map((i) => incidentCard(i, now))}</div>`
      : ''
  }
  ${standalone ? html`<p><a href="${BOARD_PATHS.board}">${t.boardBack}</a></p>` : ''}
</section>`;
}
