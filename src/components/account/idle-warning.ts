// Client side of IdleWarning.astro: a timer from the page's last request to the server's idle limit. Shortly before
// it, the banner offers 保持登录 (a GET of /api/auth/me, which records activity); at the limit it says the session has
// ended and links to /login with the way back. A page's own requests that the server counted as activity (an exam's
// autosaves fire `data-activity-event`) start the count again, less the minute by which the server may lag; one the
// server refused as signed out (`data-ended-event`) shows the end at once.

const banner = document.querySelector<HTMLElement>('#idle-warning');
const idleMs = Number(banner?.dataset['idleMs']);

if (banner && idleMs > 0) {
  const { warnBeforeMs, touchEveryMs, activityEvent, endedEvent } = banner.dataset;
  const warnBefore = Number(warnBeforeMs);
  const text = banner.querySelector<HTMLElement>('[data-idle-text]')!;
  const stay = banner.querySelector<HTMLButtonElement>('[data-stay-signed-in]')!;
  const signIn = banner.querySelector<HTMLAnchorElement>('[data-sign-in-again]')!;
  let timers: ReturnType<typeof setTimeout>[] = [];

  const show = (message: string, isEnded: boolean) => {
    text.textContent = message;
    stay.hidden = isEnded;
    signIn.hidden = !isEnded;
    banner.hidden = false;
  };

  const ended = (why: string) => {
    signIn.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    show(`${why}${banner.dataset['endedNote'] ?? '未保存的内容请重新登录后再提交。'}`, true);
  };
  const idled = () => ended('由于长时间没有操作，你已经退出登录。');

  const warn = () => {
    show(`由于长时间没有操作，${Math.round(warnBefore / 60000)} 分钟后将自动退出登录。`, false);
    stay.focus();
  };

  /** Counts from `lagMs` before now: the server's last-seen time may be that far behind this page's request. */
  const schedule = (lagMs: number) => {
    for (const timer of timers) clearTimeout(timer);
    banner.hidden = true;
    timers = [setTimeout(warn, idleMs - warnBefore - lagMs), setTimeout(idled, idleMs - lagMs)];
  };

  stay.addEventListener('click', () => {
    fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(
      (response) => (response.ok ? schedule(0) : idled()),
      () => {
        text.textContent = '网络连接失败，请检查网络后再点“保持登录”。';
      },
    );
  });

  // Fired only for answers the server gave as the signed-in user, so the session is alive: count again.
  if (activityEvent) addEventListener(activityEvent, () => schedule(Number(touchEveryMs)));
  if (endedEvent) addEventListener(endedEvent, () => ended('登录已失效，你已经退出登录。'));
  schedule(0);
}
