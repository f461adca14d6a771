'use strict';
// Signs in through the Camunda webapp login, so the dashboard, Tasklist and Cockpit share one session.
// Camunda's CSRF filter hands out its token on a GET and wants it back as X-XSRF-TOKEN on the POST.
(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  async function csrfToken() {
    // the first GET of a session makes Camunda issue the token (in a header, that once); later ones do not
    const probe = await fetch('/camunda/app/welcome/default/', { credentials: 'same-origin' });
    const issued = probe.headers.get('X-XSRF-TOKEN');
    if (issued) {
      return issued;
    }
    const response = await fetch('/dashboard/csrf-token', { credentials: 'same-origin' });
    return (await response.json()).token;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const token = await csrfToken();
      const body = new URLSearchParams();
      body.set('username', document.getElementById('username').value);
      body.set('password', document.getElementById('password').value);
      const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (token) {
        headers['X-XSRF-TOKEN'] = token;
      }
      const response = await fetch('/camunda/api/admin/auth/user/default/login/welcome', {
        method: 'POST', credentials: 'same-origin', headers, body,
      });
      if (response.ok) {
        window.location.reload();
      } else if (response.status === 401 || response.status === 403) {
        fail('用户名或密码错误');
      } else {
        fail('登录失败（HTTP ' + response.status + '），请稍后再试');
      }
    } catch (e) {
      fail('无法连接服务器，请稍后再试');
    }
  });
}());
