// The board's only script, served as a file: the Content-Security-Policy allows no inline script.
// It keeps the page live (server-sent events → fetch the changed sections → swap them in), opens a grid cell's
// report in a dialog, and copies the draft. Without it the board still works as plain pages.
(() => {
  const body = document.body;
  const dialog = document.getElementById('detail');

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const copy = target.closest('[data-copy]');
    if (copy) {
      copyDraft(copy);
      return;
    }
    const link = target.closest('a[data-detail]');
    if (link && dialog && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      openDetail(link.getAttribute('href'));
    }
  });

  async function copyDraft(button) {
    const area = document.getElementById(button.getAttribute('data-copy'));
    if (!area) return;
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      // Plain http on another host is not a secure context: the old way still works there.
      area.select();
      document.execCommand('copy');
    }
    const note = button.parentElement?.querySelector('.copied');
    if (note) note.hidden = false;
  }

  async function openDetail(href) {
    try {
      const res = await fetch(href, { credentials: 'same-origin', headers: { 'x-board-fragment': '1' } });
      if (!res.ok) throw new Error(String(res.status));
      dialog.querySelector('.dialog-body').innerHTML = await res.text();
      if (!dialog.open) dialog.showModal();
    } catch {
      window.location.href = href;
    }
  }

  if (!body.dataset.events) return;

  const status = document.getElementById('live-status');
  let current = body.dataset.watermark;
  let lastHeard = Date.now();
  let lastAt = '';
  let source;
  let finished = false;

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function heard(event) {
    lastHeard = Date.now();
    try {
      lastAt = JSON.parse(event.data).at || lastAt;
    } catch {
      // a message without a time still counts as hearing from the server
    }
    setStatus('ok', `● Trực tiếp · tin gần nhất từ máy chủ lúc ${lastAt}`);
  }

  function ended() {
    finished = true;
    source?.close();
    setStatus('ended', 'Phiên đăng nhập đã kết thúc. Gửi /web cho bot để đăng nhập lại.');
  }

  let refreshing = false;
  let again = false;

  async function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const res = await fetch(body.dataset.live, {
        credentials: 'same-origin',
        headers: { 'x-board-fragment': '1' },
      });
      if (res.status === 401 || res.status === 403) return ended();
      if (!res.ok) throw new Error(String(res.status));
      swap(await res.text());
    } catch {
      setStatus('error', 'Không tải được số liệu mới, sẽ thử lại khi máy chủ báo thay đổi.');
    } finally {
      refreshing = false;
      if (again && !finished) {
        again = false;
        refresh();
      }
    }
  }

  /** Replaces the live sections, keeping what the reader was doing: open details, a focused draft. */
  function swap(text) {
    const live = document.getElementById('live');
    const template = document.createElement('template');
    template.innerHTML = text;
    const open = new Set(
      [...live.querySelectorAll('details[open][data-key]')].map((d) => d.getAttribute('data-key')),
    );
    for (const d of template.content.querySelectorAll('details[data-key]')) {
      if (open.has(d.getAttribute('data-key'))) d.open = true;
    }
    const draft = document.getElementById('draft');
    const fresh = template.content.getElementById('draft');
    if (draft && fresh && document.activeElement === draft) fresh.replaceWith(draft);
    live.replaceChildren(template.content);
    current = document.getElementById('as-of')?.dataset.watermark ?? current;
  }

  function connect() {
    source = new EventSource(body.dataset.events);
    source.addEventListener('hello', (event) => {
      heard(event);
      // Something may have changed between this page being drawn and the stream opening.
      if (JSON.parse(event.data).watermark !== current) refresh();
    });
    source.addEventListener('change', (event) => {
      heard(event);
      refresh();
    });
    source.addEventListener('ping', heard);
    source.addEventListener('ended', ended);
    source.onerror = async () => {
      if (finished) return;
      const when = lastAt ? ` (tin gần nhất lúc ${lastAt})` : '';
      setStatus('error', `Mất kết nối với máy chủ, đang thử lại…${when}`);
      if (source.readyState !== EventSource.CLOSED) return;
      // Refused outright (signed out, or an error page): find out which before trying again.
      try {
        const res = await fetch(body.dataset.live, { credentials: 'same-origin', method: 'HEAD' });
        if (res.status === 401 || res.status === 403) return ended();
      } catch {
        // the server is unreachable: try again below
      }
      setTimeout(() => !finished && connect(), 5000);
    };
  }

  setInterval(() => {
    if (!finished && Date.now() - lastHeard > 45_000 && status.dataset.state === 'ok') {
      setStatus('stale', `Chưa nghe thấy máy chủ từ ${lastAt}: số liệu có thể đã cũ.`);
    }
  }, 5000);

  connect();
})();
