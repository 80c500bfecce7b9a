"""Client machines as network namespaces on a private bridge (TESTING.md recipe).

The check tests use their own bridge and /24 (``br-mspchk``, 10.200.8.0/24) so they never collide
with other suites' namespaces; every address lives only on this bridge and inside these namespaces.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field

from tests.support.components import is_root, missing


def ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check)


@dataclass
class Namespace:
    name: str
    address: str
    veth: str

    def run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["ip", "netns", "exec", self.name, *argv], capture_output=True, text=True, check=check
        )

    def link(self, up: bool) -> None:
        ip("-n", self.name, "link", "set", "eth0", "up" if up else "down")


@dataclass
class NetLab:
    bridge: str = "br-mspchk"
    prefix: str = "10.200.8"
    namespaces: list[Namespace] = field(default_factory=list)

    def up(self, count: int, tag: str = "mspchk") -> NetLab:
        if not is_root() or not shutil.which("ip"):
            missing("network namespaces", "need root and iproute2")
        self.down(tag)  # leftovers of an interrupted run
        ip("link", "add", self.bridge, "type", "bridge")
        ip("addr", "replace", f"{self.prefix}.1/24", "dev", self.bridge)
        ip("link", "set", self.bridge, "up")
        for i in range(1, count + 1):
            ns = Namespace(f"{tag}{i}", f"{self.prefix}.{10 + i}", f"veth-{tag}{i}")
            ip("netns", "add", ns.name)
            ip("link", "add", ns.veth, "type", "veth", "peer", "name", "eth0", "netns", ns.name)
            ip("link", "set", ns.veth, "master", self.bridge, "up")
            ip("-n", ns.name, "link", "set", "lo", "up")
            ip("-n", ns.name, "addr", "add", f"{ns.address}/24", "dev", "eth0")
            ip("-n", ns.name, "link", "set", "eth0", "up")
            self.namespaces.append(ns)
        return self

    def down(self, tag: str = "mspchk") -> None:
        listed = ip("netns", "list", check=False).stdout.split("\n")
        for line in listed:
            name = line.split(" ")[0]
            if name.startswith(tag):
                ip("netns", "del", name, check=False)
                ip("link", "del", f"veth-{name}", check=False)
        ip("link", "del", self.bridge, check=False)
        self.namespaces.clear()
