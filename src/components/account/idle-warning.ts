// Client side of IdleWarning.astro: a timer from the page's last request to the server's idle limit. Shortly before
// it, the banner offers 保持登录 (a GET of /api/auth/me, which records activity); at the limit it says the session has
// ended and links to /login with the way back.

const banner = document.querySelector<HTMLElement>('#idle-warning');

if (banner) {
  const idleMs = Number(banner.dataset['idleMs']);
  const warnBeforeMs = Number(banner.dataset['warnBeforeMs']);
  const text = banner.querySelector<HTMLElement>('[data-idle-text]')!;
  const stay = banner.querySelector<HTMLButtonElement>('[data-stay-signed-in]')!;
  const signIn = banner.querySelector<HTMLAnchorElement>('[data-sign-in-again]')!;
  let timers: number[] = [];

  const ended = () => {
    text.textContent = '由于长时间没有操作，你已经退出登录。未保存的内容请重新登录后再提交。';
    stay.hidden = true;
    signIn.hidden = false;
    signIn.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    banner.hidden = false;
  };

  const warn = () => {
    text.textContent = `由于长时间没有操作，${Math.round(warnBeforeMs / 60000)} 分钟后将自动退出登录。`;
    stay.hidden = false;
    signIn.hidden = true;
    banner.hidden = false;
    stay.focus();
  };

  const schedule = () => {
    for (const timer of timers) clearTimeout(timer);
    timers = [window.setTimeout(warn, idleMs - warnBeforeMs), window.setTimeout(ended, idleMs)];
  };

  stay.addEventListener('click', () => {
    fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(
      (response) => {
        if (!response.ok) return ended();
        banner.hidden = true;
        schedule();
      },
      () => {
        text.textContent = '网络连接失败，请检查网络后再点“保持登录”。';
      },
    );
  });

  schedule();
}
