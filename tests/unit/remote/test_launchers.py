"""Launch plans for Linux, Windows and macOS, built on any OS: argv, files, stdin — never a secret on argv."""

from __future__ import annotations

import pytest

from msp_console.remote.clients import Tool, choose, detect
from msp_console.remote.launchers import build
from msp_console.remote.plan import REDACTED, LaunchPlan, MissingClientError, Target

PW = "Sup3r-Secret!"


def _no_secret_outside_channel(plan: LaunchPlan) -> None:
    assert all(PW not in a for a in plan.argv), plan.argv
    assert all(PW not in v for v in plan.env.values())
    assert all(PW not in a for a in plan.wait_argv)
    for f in plan.files:
        if not f.secret:
            assert PW.encode() not in f.content, f.path
        assert f.mode & 0o077 == 0, f"{f.path} is readable by others"
    assert PW not in str(plan.describe())
    assert REDACTED in str(plan.describe()) or (plan.stdin is None and not any(f.secret for f in plan.files))


def linux_which(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_freerdp2_password_goes_to_stdin_with_force() -> None:
    tool = detect("rdp", "linux", linux_which("xfreerdp"))[0]
    assert tool.id == "xfreerdp2"
    t = Target("rdp", "srv.example", 3390, "admin", "CORP", PW, {"resolution": "1280x800", "fullscreen": True,
               "clipboard": True, "drives": True, "gateway": "gw.example", "multimon": True})  # fmt: skip
    plan = build("linux", tool, t, "/tmp/x")
    assert plan.argv[:4] == ("/usr/bin/xfreerdp", "/v:srv.example:3390", "/u:admin", "/d:CORP")
    assert {
        "/size:1280x800",
        "/f",
        "+clipboard",
        "+drives",
        "/g:gw.example",
        "/multimon",
        "/cert:tofu",
    } <= set(plan.argv)
    assert plan.argv[-1] == "/from-stdin:force"
    assert plan.stdin == PW.encode() + b"\n"
    _no_secret_outside_channel(plan)


def test_freerdp3_syntax() -> None:
    tool = detect("rdp", "linux", linux_which("xfreerdp3", "xfreerdp"))[0]
    assert tool.id == "xfreerdp3"
    t = Target(
        "rdp",
        "srv",
        None,
        "u",
        options={"clipboard": True, "drives": True, "gateway": "gw", "cert": "ignore"},
    )
    plan = build("linux", tool, t, "/tmp/x")
    assert {"/v:srv", "/clipboard", "/drives", "/gateway:g:gw", "/cert:ignore"} <= set(plan.argv)
    assert plan.stdin is None and "/from-stdin:force" not in plan.argv


def test_remmina_never_gets_the_password() -> None:
    tool = detect("rdp", "linux", linux_which("remmina"))[0]
    plan = build("linux", tool, Target("rdp", "srv", 3389, "bob", password=PW), "/tmp/x")
    assert plan.argv == ("/usr/bin/remmina", "-c", "rdp://bob@srv")
    assert plan.notes
    _no_secret_outside_channel(plan)


def test_tigervnc_password_file_written_by_vncpasswd() -> None:
    tool = detect("vnc", "linux", linux_which("vncviewer", "vncpasswd"))[0]
    plan = build("linux", tool, Target("vnc", "pc", 5901, password=PW, options={"view_only": True}), "/tmp/p")
    assert plan.argv == ("/usr/bin/vncviewer", "-passwd", "/tmp/p/vnc-passwd", "-ViewOnly", "pc::5901")
    (f,) = plan.files
    assert f.producer == ("/usr/bin/vncpasswd", "-f") and f.secret and f.mode == 0o600
    _no_secret_outside_channel(plan)


def test_vnc_password_without_vncpasswd_names_the_package() -> None:
    tool = detect("vnc", "linux", linux_which("vncviewer"))[0]
    with pytest.raises(MissingClientError, match="tigervnc-tools"):
        build("linux", tool, Target("vnc", "pc", 5900, password=PW), "/tmp/p")


def test_ssh_in_tmux_with_askpass_tunnel_alias_and_known_hosts() -> None:
    tool = detect("ssh", "linux", linux_which("ssh", "tmux", "xterm"), terminal="tmux")[0]
    t = Target("ssh", "127.0.0.1", 40022, "root", password=PW, host_key_alias="10.0.0.5",
               known_hosts_line="10.0.0.5 ssh-ed25519 AAAA", options={"agent_forwarding": True})  # fmt: skip
    plan = build("linux", tool, t, "/tmp/d", "msp-7")
    assert plan.argv[:5] == ("/usr/bin/tmux", "new-session", "-d", "-s", "msp-7")
    assert plan.wait_argv == ("/usr/bin/tmux", "wait-for", "msp-7-done")
    inner = plan.argv[plan.argv.index("env") :]
    assert inner[1:3] == ("SSH_ASKPASS=/tmp/d/askpass", "SSH_ASKPASS_REQUIRE=force")
    assert "HostKeyAlias=10.0.0.5" in inner and "UserKnownHostsFile=/tmp/d/known_hosts" in inner
    assert "StrictHostKeyChecking=yes" in inner and "-A" in inner and inner[-1] == "127.0.0.1"
    files = {f.path: f for f in plan.files}
    assert files["/tmp/d/ssh-pass"].secret and files["/tmp/d/askpass"].mode == 0o700
    assert b"rm -f" in files["/tmp/d/askpass"].content
    _no_secret_outside_channel(plan)


@pytest.mark.parametrize(
    ("terminal", "head"),
    [("gnome-terminal", ("--wait", "--")), ("konsole", ("--nofork", "-e")), ("xterm", ("-e",))],
)
def test_ssh_terminal_emulators(terminal: str, head: tuple[str, ...]) -> None:
    tool = detect("ssh", "linux", linux_which("ssh", terminal))[0]
    plan = build("linux", tool, Target("ssh", "h", 22, "u"), "/tmp/d")
    assert plan.argv[: 1 + len(head)] == (f"/usr/bin/{terminal}", *head)
    assert plan.argv[1 + len(head) :] == ("/usr/bin/ssh", "-p", "22", "-l", "u", "h")


def test_missing_client_names_what_to_install() -> None:
    with pytest.raises(MissingClientError, match="freerdp2-x11"):
        choose("rdp", detect("rdp", "linux", linux_which()), platform="linux")
    with pytest.raises(MissingClientError, match="openssh-client"):
        choose("ssh", detect("ssh", "linux", linux_which("ssh")), platform="linux")  # no terminal at all


def test_web_and_vendors_linux() -> None:
    web = detect("web", "linux", linux_which("xdg-open"))[0]
    assert (
        build("linux", web, Target("web", "fw", None, options={"scheme": "https"}), "/d").argv[-1]
        == "https://fw/"
    )
    assert build("linux", web, Target("web", "nas", 5001), "/d").argv[-1] == "https://nas:5001/"
    any_ = detect("anydesk", "linux", linux_which("anydesk"))[0]
    plan = build(
        "linux", any_, Target("anydesk", "", None, password=PW, options={"vendor_id": "123 456 789"}), "/d"
    )
    assert (
        plan.argv == ("/usr/bin/anydesk", "123456789", "--with-password")
        and plan.stdin == PW.encode() + b"\n"
    )
    _no_secret_outside_channel(plan)
    tv = detect("teamviewer", "linux", linux_which("teamviewer"))[0]
    assert build("linux", tv, Target("teamviewer", "", None, options={"vendor_id": "42"}), "/d").argv[1:] == (
        "-i",
        "42",
    )
    rd = detect("rustdesk", "linux", linux_which("rustdesk"))[0]
    plan = build("linux", rd, Target("rustdesk", "", None, password=PW, options={"vendor_id": "9"}), "/d")
    assert plan.argv[1:] == ("--connect", "9")
    _no_secret_outside_channel(plan)


def test_custom_template() -> None:
    plan = build("linux", Tool("custom", "custom"), Target("custom", "fw", 8291, "admin",
                 options={"template": "winbox '{host}:{port}' {user}"}), "/d")  # fmt: skip
    assert plan.argv == ("winbox", "fw:8291", "admin")


def win_exists(*paths: str):
    return lambda p: p in paths


def test_windows_mstsc_rdp_file_has_no_password() -> None:
    tools = detect("rdp", "win32", lambda n: None, win_exists("C:\\Windows\\System32\\mstsc.exe"))
    opts = {"fullscreen": True, "clipboard": True, "drives": True, "gateway": "gw.corp"}
    opts["resolution"] = "1600x900"
    t = Target("rdp", "srv", 3389, "admin", "CORP", PW, opts)
    plan = build("windows", tools[0], t, "C:\\Temp\\msp-x")
    assert plan.argv == ("C:\\Windows\\System32\\mstsc.exe", "C:\\Temp\\msp-x\\session.rdp")
    text = plan.files[0].content.decode()
    assert "full address:s:srv\r\n" in text and "username:s:CORP\\admin" in text
    assert (
        "screen mode id:i:2" in text and "gatewayhostname:s:gw.corp" in text and "desktopwidth:i:1600" in text
    )
    assert "password" not in text.lower().replace("prompt for credentials", "")
    _no_secret_outside_channel(plan)


def test_windows_putty_pwfile_and_windows_terminal() -> None:
    putty = "C:\\Program Files\\PuTTY\\putty.exe"
    tools = detect("ssh", "win32", lambda n: None, win_exists(putty))
    plan = build("windows", tools[0], Target("ssh", "h", 2222, "root", password=PW), "C:\\T\\d")
    assert plan.argv == (putty, "-ssh", "-P", "2222", "-l", "root", "-pwfile", "C:\\T\\d\\putty-pass", "h")
    assert plan.files[0].secret
    _no_secret_outside_channel(plan)
    wt = detect(
        "ssh", "win32", lambda n: f"C:\\bin\\{n}" if n in {"wt.exe", "ssh.exe"} else None, win_exists()
    )
    plan = build("windows", wt[0], Target("ssh", "h", 22, "root", password=PW), "C:\\T\\d")
    assert plan.argv[:2] == ("C:\\bin\\wt.exe", "C:\\bin\\ssh.exe") and plan.notes
    _no_secret_outside_channel(plan)


def test_windows_vnc_and_web() -> None:
    tiger = "C:\\Program Files\\TigerVNC\\vncviewer.exe"
    plan = build("windows", detect("vnc", "win32", lambda n: None, win_exists(tiger))[0],
                 Target("vnc", "pc", 5901, password=PW), "C:\\T")  # fmt: skip
    assert plan.argv == (tiger, "pc::5901")
    _no_secret_outside_channel(plan)
    web = detect(
        "web", "win32", lambda n: "C:\\Windows\\System32\\rundll32.exe" if n == "rundll32.exe" else None
    )[0]
    assert build("windows", web, Target("web", "fw", None), "C:\\T").argv[1:] == (
        "url.dll,FileProtocolHandler",
        "https://fw/",
    )


def test_macos_rdp_vnc_ssh_web() -> None:
    mac = win_exists("/usr/bin/open", "/usr/bin/ssh", "/Applications/Windows App.app")
    rdp = detect("rdp", "darwin", lambda n: None, mac)[0]
    plan = build("macos", rdp, Target("rdp", "srv", 3390, "admin", "CORP", PW), "/tmp/m")
    assert plan.argv == ("/usr/bin/open", "rdp://full%20address=s:srv:3390&username=s:CORP%5Cadmin")
    _no_secret_outside_channel(plan)
    vnc = detect("vnc", "darwin", lambda n: None, mac)[0]
    assert build("macos", vnc, Target("vnc", "imac", 5900, "bob"), "/tmp/m").argv == (
        "/usr/bin/open",
        "vnc://bob@imac",
    )
    ssh = detect("ssh", "darwin", lambda n: None, mac)[0]
    plan = build("macos", ssh, Target("ssh", "h", 22, "u", password=PW), "/tmp/m")
    assert plan.argv == ("/usr/bin/open", "-a", "Terminal", "/tmp/m/session.command")
    script = plan.files[-1].content.decode()
    assert script.startswith('#!/bin/sh\nrm -f "$0"\nexec /usr/bin/ssh -p 22 -l u h')
    _no_secret_outside_channel(plan)
    web = detect("web", "darwin", lambda n: None, mac)[0]
    assert (
        build("macos", web, Target("web", "nas", 8080, options={"scheme": "http"}), "/t").argv[1]
        == "http://nas:8080/"
    )


def test_detection_offers_only_installed_tools() -> None:
    tools = detect("rdp", "linux", linux_which("xfreerdp", "remmina"))
    assert [t.id for t in tools] == ["xfreerdp2", "remmina"]
    assert choose("rdp", tools, "remmina").id == "remmina"
    assert detect("vnc", "darwin", lambda n: None, win_exists()) == []


def test_windows_rdp_file_can_carry_a_dpapi_sealed_password() -> None:
    tools = detect("rdp", "win32", lambda n: None, win_exists("C:\\Windows\\System32\\mstsc.exe"))

    def fake_dpapi(pw: str) -> str:  # stands in for CryptProtectData, which exists only on Windows
        return pw.encode("utf-16-le").hex().upper()[::-1]

    sealed = build(
        "windows", tools[0], Target("rdp", "srv", 3389, "admin", password=PW), "C:\\T", protect=fake_dpapi
    )
    (f,) = sealed.files
    assert f.secret and f.mode == 0o600 and not sealed.notes
    assert "password 51:b:" in f.content.decode() and PW not in f.content.decode()
    assert PW not in str(sealed.describe()) and "password 51" not in str(sealed.describe())
