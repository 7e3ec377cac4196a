"""A real OpenID Connect provider for the tests: `oidc-provider` (npm) on Node, in tests/sso/provider/.

`oidc_issuer` (session-scoped) installs the provider's packages into tests/sso/provider/node_modules once (npm ci;
kept between runs, git-ignored), starts `node server.js` on a free port, waits for its discovery document and
yields the issuer URL; the server is stopped after the session. Without Node the tests are skipped, except under
CI=true, where a missing Node fails them (CI installs it). Used by tests/sso and tests/browser/test_sso_login.py.
"""

import fcntl
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

PROVIDER_DIR = Path(__file__).resolve().parent / "provider"
CLIENT_ID = "werkmentor"
CLIENT_SECRET = "werkmentor-test-secret"
# The accounts server.js knows (by account id = sub), as the tests rely on them.
TEACHER = "teacher-1"  # teacher@school.example, e-mail verified, employee_number E-1001
LEARNER = "learner-1"  # learner@school.example, e-mail verified, employee_number 500123
UNVERIFIED = "unverified-1"  # claims teacher@school.example, but email_verified is false
STRANGER = "stranger-1"  # stranger@elsewhere.example, verified, unknown to every school
INVITEE = "invitee-1"  # invitee@school.example, verified
START_SECONDS = 20


def _missing(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI installs it: the single sign-on tests must run there)")
    pytest.skip(reason)


def _install(npm: str) -> None:
    """npm ci into tests/sso/provider/node_modules, once; a lock keeps parallel test workers from racing."""
    with open(PROVIDER_DIR / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (PROVIDER_DIR / "node_modules" / "oidc-provider" / "package.json").exists():
            return
        result = subprocess.run(  # noqa: S603
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=PROVIDER_DIR,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0:
            _missing(f"npm ci failed in {PROVIDER_DIR}: {result.stderr[-2000:]}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_issuer():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        _missing("single sign-on tests: no Node.js (node and npm) to run the local OpenID provider")
    _install(npm)
    port = _free_port()
    issuer = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PORT": str(port), "REDIRECT_URIS": "http://testserver/accounts/sso/callback/"}
    log = (PROVIDER_DIR / f".server-{port}.log").open("w")
    process = subprocess.Popen([node, "server.js"], cwd=PROVIDER_DIR, env=env, stdout=log, stderr=log)  # noqa: S603
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = Path(log.name).read_text()[-2000:]
                pytest.fail(f"the local OpenID provider did not start on {issuer}:\n{output}")
            time.sleep(0.1)
        yield issuer
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        Path(log.name).unlink(missing_ok=True)


def tamper_next_id_token(issuer: str, **changes) -> None:
    """The provider's next ID token gets these claims (re-signed with its real key); exp_offset=-300: expired."""
    requests.post(f"{issuer}/test/tamper", json=changes, timeout=5).raise_for_status()


def signed_by_provider(issuer: str, claims: dict) -> str:
    """A token with these claims, signed with the provider's own key (as its ID tokens are)."""
    response = requests.post(f"{issuer}/test/sign", json=claims, timeout=5)
    response.raise_for_status()
    return response.json()["token"]


def sign_in_at_provider(authorize_url: str, account: str, *, stop_at: str = "http://testserver/") -> str:
    """Do what a person does at the provider: open the authorization URL, sign in as `account` on its
    (development) login form, and follow the redirects. Returns the URL it sends the browser back to."""
    browser = requests.Session()
    url = authorize_url
    for _ in range(12):
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code == 200 and 'name="prompt" value="login"' in response.text:
            response = browser.post(
                url, data={"prompt": "login", "login": account, "password": "any"}, allow_redirects=False, timeout=10
            )
        if response.status_code not in (302, 303):
            raise AssertionError(f"the provider answered {response.status_code} at {url}: {response.text[:500]}")
        url = urljoin(url, response.headers["Location"])
        if url.startswith(stop_at):
            return url
    raise AssertionError("the provider never sent the browser back")
